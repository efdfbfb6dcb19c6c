package lambdalab.lab.service;

import java.util.ArrayList;
import java.util.List;
import lambdalab.lab.settings.LabSettings;

/**
 * Where node {@code n} (1, 2, 3) of a service listens. Node 1 uses the settings' own ports, so a
 * single-node lab is exactly what it always was. Node n of Kafka and of the DataNodes uses each
 * port setting plus {@code (n - 1) * 100}; Cassandra node n listens on 127.0.0.n with the same CQL
 * and storage ports (a cluster's nodes share them) and, since its JMX binds to 127.0.0.1 whatever the
 * node's address, the JMX port plus {@code (n - 1) * 100}. Every derived port is the instance's own
 * base port shifted, so a cluster lab whose base ports differ from a default lab's (as any second
 * instance's must) keeps clear of it: see README "Cluster profile".
 */
public final class NodeLayout {

    /** Distance between the ports of node n and node n + 1 of a service. */
    public static final int PORT_STEP = 100;

    private final LabSettings settings;

    public NodeLayout(LabSettings settings) {
        this.settings = settings;
    }

    /** The port setting {@code key} for node {@code node}. */
    public int port(String key, int node) {
        int port = settings.port(key) + (node - 1) * PORT_STEP;
        if (port > 65535) {
            throw new ServiceException("Node " + node + " would need port " + port + " (" + key + " + "
                    + (node - 1) * PORT_STEP + "), above 65535: set a lower " + key + ".");
        }
        return port;
    }

    /**
     * The address of Cassandra node {@code node}: the bind address with its last number raised by
     * {@code node - 1} (127.0.0.1, 127.0.0.2, 127.0.0.3). Linux routes all of 127.0.0.0/8 to the
     * loopback interface, so these are loopback addresses with no setup.
     */
    public String cassandraAddress(int node) {
        String base = settings.get("bind.address");
        if (node == 1) {
            return base;
        }
        String[] parts = base.split("\\.");
        if (parts.length != 4 || !parts[0].equals("127") || Integer.parseInt(parts[3]) + node - 1 > 254) {
            throw new ServiceException("The cluster profile puts Cassandra node " + node + " on the address after "
                    + "bind.address: that needs an address in 127.0.0.0/8 such as 127.0.0.1, not '" + base + "'.");
        }
        return parts[0] + "." + parts[1] + "." + parts[2] + "." + (Integer.parseInt(parts[3]) + node - 1);
    }

    /** Where clients reach Cassandra node {@code node}: the advertised host for node 1, else its own address. */
    public String cassandraClientHost(int node) {
        return node == 1 ? settings.get("advertised.host") : cassandraAddress(node);
    }

    /** Every Cassandra node's storage endpoint: each node is a seed, so the nodes can start at once. */
    public String cassandraSeeds(int nodes) {
        List<String> seeds = new ArrayList<>();
        for (int node = 1; node <= nodes; node++) {
            seeds.add(cassandraAddress(node) + ":" + settings.port("cassandra.storage.port"));
        }
        return String.join(",", seeds);
    }

    /** The KRaft voters: every Kafka node is a controller, {@code id@host:controllerPort}. */
    public String kafkaQuorumVoters(int nodes) {
        List<String> voters = new ArrayList<>();
        for (int node = 1; node <= nodes; node++) {
            voters.add(node + "@" + settings.get("bind.address") + ":" + port("kafka.controller.port", node));
        }
        return String.join(",", voters);
    }

    /** The brokers' client addresses, for a bootstrap list. */
    public String kafkaBootstrapServers(int nodes) {
        List<String> servers = new ArrayList<>();
        for (int node = 1; node <= nodes; node++) {
            servers.add(settings.get("advertised.host") + ":" + port("kafka.port", node));
        }
        return String.join(",", servers);
    }

    /**
     * Cassandra tokens for node {@code node} of {@code nodes}, {@code vnodes} each, spread evenly and
     * interleaved over the Murmur3 ring. The nodes of a new cluster start at once, so none could pick
     * its tokens knowing the others': fixed ones cannot collide and balance the ring.
     */
    public static String cassandraTokens(int node, int nodes, int vnodes) {
        java.math.BigInteger ringSize = java.math.BigInteger.TWO.pow(64);
        java.math.BigInteger slots = java.math.BigInteger.valueOf((long) nodes * vnodes);
        List<String> tokens = new ArrayList<>();
        for (int vnode = 0; vnode < vnodes; vnode++) {
            long slot = (long) vnode * nodes + (node - 1);
            tokens.add(ringSize.multiply(java.math.BigInteger.valueOf(slot)).divide(slots)
                    .subtract(java.math.BigInteger.TWO.pow(63)).toString());
        }
        return String.join(",", tokens);
    }
}
