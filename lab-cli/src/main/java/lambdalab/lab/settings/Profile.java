package lambdalab.lab.settings;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How many nodes of each service a lab runs (the {@code profile} setting), and the replication that
 * follows from it: with three copies, a write needs two of them (a majority) to count as done.
 */
public enum Profile {
    /** One node of each service, every replication factor 1: the default, the course's lab. */
    SINGLE(1, 1, 1, 0),
    /**
     * Three Kafka brokers (each also a KRaft controller), three Cassandra nodes, a NameNode and three
     * DataNodes, and a Spark standalone cluster (a master and two workers) the jobs are submitted to.
     */
    CLUSTER(3, 3, 3, 2);

    private final int kafkaNodes;
    private final int cassandraNodes;
    private final int dataNodes;
    private final int sparkWorkers;

    Profile(int kafkaNodes, int cassandraNodes, int dataNodes, int sparkWorkers) {
        this.kafkaNodes = kafkaNodes;
        this.cassandraNodes = cassandraNodes;
        this.dataNodes = dataNodes;
        this.sparkWorkers = sparkWorkers;
    }

    public static Profile parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SettingsException("Setting profile must be one of " + names() + ", not '" + value + "'.");
        }
    }

    public static String names() {
        return Arrays.stream(values()).map(Profile::settingValue).collect(Collectors.joining(", "));
    }

    /** As written in settings: {@code single}, {@code cluster}. */
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int kafkaNodes() {
        return kafkaNodes;
    }

    public int cassandraNodes() {
        return cassandraNodes;
    }

    public int dataNodes() {
        return dataNodes;
    }

    /** Spark standalone workers; 0: no Spark cluster, the jobs run Spark in their own JVM ({@code local[2]}). */
    public int sparkWorkers() {
        return sparkWorkers;
    }

    /** Whether the lab runs a Spark standalone cluster that the jobs are submitted to. */
    public boolean sparkCluster() {
        return sparkWorkers > 0;
    }

    /** Copies of each Kafka partition, Cassandra row and HDFS block. */
    public int replication() {
        return this == SINGLE ? 1 : 3;
    }

    /** Copies that must have a record before an acks=all producer is told it is stored: a majority. */
    public int minInsyncReplicas() {
        return replication() / 2 + 1;
    }

    /** One line for `lab doctor` and `lab status`: what runs. */
    public String describe() {
        return this == SINGLE ? "single (one node of each service)"
                : "cluster (" + kafkaNodes + " Kafka brokers, " + cassandraNodes + " Cassandra nodes, a NameNode and "
                        + dataNodes + " DataNodes, a Spark master with " + sparkWorkers + " workers; replication "
                        + replication() + ")";
    }
}
