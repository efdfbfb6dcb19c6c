package lambdalab.lab.system;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import lambdalab.lab.service.NodeLayout;
import lambdalab.lab.settings.LabSettings;
import lambdalab.lab.settings.Profile;

/**
 * Free ports for a second lab instance (tests, benchmarks) that must not collide with the user's lab.
 *
 * <p>They are picked below the kernel's ephemeral range, never from it: a port the kernel hands out
 * for binds to port 0 (a DataNode's internal web server, every client's outgoing connection) could be
 * taken by one of the lab's own processes between the pick and the service's start. It happened: a
 * Spark worker's UI port, picked free, was held by a Hadoop web server when the worker started.
 */
public final class FreePorts {
    /** Below the well-known services most machines run (databases, web servers) on 1024-19999. */
    static final int LOWEST = 20_000;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Linux's default start of the ephemeral range. */
    private static final int DEFAULT_EPHEMERAL_START = 32_768;

    private FreePorts() {
    }

    /**
     * As {@link #forAllPortSettings()}, for a lab of {@code profile}: the ports its nodes derive from
     * these ({@link NodeLayout}: plus 100 per node) must be free too, on each node's address, and distinct.
     */
    public static Map<String, String> forProfile(Profile profile) {
        int nodes = Math.max(profile.kafkaNodes(), Math.max(profile.cassandraNodes(), profile.dataNodes()));
        for (int attempt = 0; attempt < 50; attempt++) {
            Map<String, String> ports = forAllPortSettings();
            if (derivedPortsFree(ports, nodes)) {
                return ports;
            }
        }
        throw new IllegalStateException("Cannot find free ports for every node of a " + profile.settingValue() + " lab");
    }

    private static boolean derivedPortsFree(Map<String, String> ports, int nodes) {
        Set<Integer> seen = new HashSet<>();
        for (String value : ports.values()) {
            for (int node = 1; node <= nodes; node++) {
                int port = Integer.parseInt(value) + (node - 1) * NodeLayout.PORT_STEP;
                if (port > 65535 || !seen.add(port)) {
                    return false;
                }
                for (int address = 1; address <= nodes; address++) {
                    if (!Ports.isFree("127.0.0." + address, port)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * A setting override for every port setting, each a port that is free right now on 127.0.0.1,
     * below the ephemeral range with room for two more nodes above it ({@link NodeLayout#PORT_STEP}).
     */
    public static Map<String, String> forAllPortSettings() {
        List<String> keys = LabSettings.DEFINITIONS.stream().map(LabSettings.Definition::key)
                .filter(key -> key.endsWith(".port")).toList();
        int highest = ephemeralStart() - 1 - 2 * NodeLayout.PORT_STEP;
        List<ServerSocket> held = new ArrayList<>();
        Map<String, String> overrides = new LinkedHashMap<>();
        try {
            for (String key : keys) {
                // hold every socket until all are chosen, so no port is picked twice
                ServerSocket socket = bindSomewhereIn(LOWEST, highest);
                held.add(socket);
                overrides.put(key, Integer.toString(socket.getLocalPort()));
            }
        } finally {
            held.forEach(FreePorts::closeQuietly);
        }
        return overrides;
    }

    private static ServerSocket bindSomewhereIn(int lowest, int highest) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(lowest, highest + 1);
            ServerSocket socket = null;
            try {
                socket = new ServerSocket();
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return socket;
            } catch (IOException taken) {
                closeQuietly(socket); // taken: try another
            }
        }
        throw new IllegalStateException("No free port found between " + lowest + " and " + highest);
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // closing a probe socket cannot lose anything
        }
    }

    /** The first port of the kernel's ephemeral range (Linux), else its default. */
    static int ephemeralStart() {
        try {
            String[] range = Files.readString(EPHEMERAL_RANGE).trim().split("\\s+");
            int start = Integer.parseInt(range[0]);
            // a range that leaves no room below it cannot be avoided: pick where Linux's default leaves room
            return start > LOWEST + 1_000 ? start : DEFAULT_EPHEMERAL_START;
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_START;
        }
    }
}
