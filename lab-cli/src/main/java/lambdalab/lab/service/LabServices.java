package lambdalab.lab.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lambdalab.lab.settings.LabSettings;
import lambdalab.lab.settings.Profile;
import lambdalab.lab.settings.RepoLayout;

/**
 * The lab's services in start order, configured for one instance: as many nodes of each as its
 * profile says ({@link Profile}). Node 1 of each keeps the single-node name ({@code kafka},
 * {@code cassandra}, {@code datanode}); node n is {@code kafka-n} and so on.
 */
public final class LabServices {

    private final List<KafkaService> kafkaNodes;
    private final List<CassandraService> cassandraNodes;
    private final NameNodeService nameNode;
    private final List<DataNodeService> dataNodes;

    private LabServices(List<KafkaService> kafkaNodes, List<CassandraService> cassandraNodes,
                        NameNodeService nameNode, List<DataNodeService> dataNodes) {
        this.kafkaNodes = List.copyOf(kafkaNodes);
        this.cassandraNodes = List.copyOf(cassandraNodes);
        this.nameNode = nameNode;
        this.dataNodes = List.copyOf(dataNodes);
    }

    public static LabServices of(LabSettings settings, RepoLayout repo) {
        Profile profile = settings.profile();
        ServiceModule kafka = new ServiceModule("kafka", repo.serviceModule("kafka"));
        ServiceModule cassandra = new ServiceModule("cassandra", repo.serviceModule("cassandra"));
        ServiceModule hdfs = new ServiceModule("hdfs", repo.serviceModule("hdfs"));
        List<KafkaService> kafkaNodes = new ArrayList<>();
        List<CassandraService> cassandraNodes = new ArrayList<>();
        List<DataNodeService> dataNodes = new ArrayList<>();
        for (int node = 1; node <= profile.kafkaNodes(); node++) {
            kafkaNodes.add(new KafkaService(settings, kafka, node));
        }
        for (int node = 1; node <= profile.cassandraNodes(); node++) {
            cassandraNodes.add(new CassandraService(settings, cassandra, node));
        }
        for (int node = 1; node <= profile.dataNodes(); node++) {
            dataNodes.add(new DataNodeService(settings, hdfs, node));
        }
        return new LabServices(kafkaNodes, cassandraNodes, new NameNodeService(settings, hdfs), dataNodes);
    }

    /** The first Kafka broker. */
    public KafkaService kafka() {
        return kafkaNodes.get(0);
    }

    public List<KafkaService> kafkaNodes() {
        return kafkaNodes;
    }

    /** Every broker's address: what a client needs to find the cluster when one broker is down. */
    public String kafkaBootstrapServers() {
        return String.join(",", kafkaNodes.stream().map(KafkaService::bootstrapServers).toList());
    }

    /** The first Cassandra node (a contact point: the driver finds the others from it). */
    public CassandraService cassandra() {
        return cassandraNodes.get(0);
    }

    public List<CassandraService> cassandraNodes() {
        return cassandraNodes;
    }

    public NameNodeService nameNode() {
        return nameNode;
    }

    /** The first DataNode. */
    public DataNodeService dataNode() {
        return dataNodes.get(0);
    }

    public List<DataNodeService> dataNodes() {
        return dataNodes;
    }

    public List<LabService> all() {
        List<LabService> all = new ArrayList<>(kafkaNodes);
        all.addAll(cassandraNodes);
        all.add(nameNode);
        all.addAll(dataNodes);
        return all;
    }

    public Optional<LabService> byName(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return all().stream().map(LabService::name).toList();
    }
}
