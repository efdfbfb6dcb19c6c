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
 * {@code cassandra}, {@code datanode}); node n is {@code kafka-n} and so on. The cluster profile adds a
 * Spark standalone cluster: {@code spark-master} and {@code spark-worker}, {@code spark-worker-2}.
 */
public final class LabServices {

    private final List<KafkaService> kafkaNodes;
    private final List<CassandraService> cassandraNodes;
    private final NameNodeService nameNode;
    private final List<DataNodeService> dataNodes;
    private final Optional<SparkMasterService> sparkMaster;
    private final List<SparkWorkerService> sparkWorkers;
    private final Optional<SparkSubmission> sparkSubmission;

    private LabServices(List<KafkaService> kafkaNodes, List<CassandraService> cassandraNodes,
                        NameNodeService nameNode, List<DataNodeService> dataNodes,
                        Optional<SparkMasterService> sparkMaster, List<SparkWorkerService> sparkWorkers,
                        Optional<SparkSubmission> sparkSubmission) {
        this.kafkaNodes = List.copyOf(kafkaNodes);
        this.cassandraNodes = List.copyOf(cassandraNodes);
        this.nameNode = nameNode;
        this.dataNodes = List.copyOf(dataNodes);
        this.sparkMaster = sparkMaster;
        this.sparkWorkers = List.copyOf(sparkWorkers);
        this.sparkSubmission = sparkSubmission;
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
        Optional<SparkMasterService> sparkMaster = Optional.empty();
        List<SparkWorkerService> sparkWorkers = new ArrayList<>();
        Optional<SparkSubmission> sparkSubmission = Optional.empty();
        if (profile.sparkCluster()) {
            ServiceModule spark = new ServiceModule("spark", repo.serviceModule("spark"));
            sparkMaster = Optional.of(new SparkMasterService(settings, spark));
            sparkSubmission = Optional.of(new SparkSubmission(settings, spark, repo.root()));
            for (int node = 1; node <= profile.sparkWorkers(); node++) {
                sparkWorkers.add(new SparkWorkerService(settings, spark, node));
            }
        }
        return new LabServices(kafkaNodes, cassandraNodes, new NameNodeService(settings, hdfs), dataNodes,
                sparkMaster, sparkWorkers, sparkSubmission);
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

    /** The Spark standalone master, in the cluster profile; the single-node lab's jobs run Spark themselves. */
    public Optional<SparkMasterService> sparkMaster() {
        return sparkMaster;
    }

    public List<SparkWorkerService> sparkWorkers() {
        return sparkWorkers;
    }

    /** How the jobs are submitted to the Spark cluster, in the cluster profile; empty: they run Spark themselves. */
    public Optional<SparkSubmission> sparkSubmission() {
        return sparkSubmission;
    }

    public List<LabService> all() {
        List<LabService> all = new ArrayList<>(kafkaNodes);
        all.addAll(cassandraNodes);
        all.add(nameNode);
        all.addAll(dataNodes);
        sparkMaster.ifPresent(all::add);
        all.addAll(sparkWorkers);
        return all;
    }

    public Optional<LabService> byName(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return all().stream().map(LabService::name).toList();
    }
}
