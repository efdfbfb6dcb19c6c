package lambdalab.course;

import java.util.stream.Stream;
import lambdalab.course.exercises.operations.ConsistencyLevel;
import lambdalab.course.exercises.operations.ReadYourWrites;
import lambdalab.course.exercises.operations.ReadYourWritesSolution;

/**
 * Where the lab's services are, for jobs and notebooks: every job takes its endpoints from here,
 * never from code, so the same jar runs against the embedded lab or real clusters.
 *
 * @param kafkaBootstrapServers e.g. 127.0.0.1:9092
 * @param cassandraHost         a contact point, e.g. 127.0.0.1
 * @param cassandraPort         CQL port, e.g. 9042
 * @param hdfsUri               the default file system, e.g. hdfs://127.0.0.1:9000
 * @param replication           copies of each Cassandra row (a keyspace's replication factor when a job
 *                              creates it) and of each HDFS block: 1 on a single node, 3 on the lab's
 *                              cluster profile
 */
public record LabEndpoints(String kafkaBootstrapServers, String cassandraHost, int cassandraPort, String hdfsUri,
                           int replication) implements java.io.Serializable {

    /** At least one copy: a value read from before this component existed (a checkpoint) counts as one. */
    public LabEndpoints {
        replication = Math.max(1, replication);
    }

    /** A single node's endpoints: one copy of everything. */
    public LabEndpoints(String kafkaBootstrapServers, String cassandraHost, int cassandraPort, String hdfsUri) {
        this(kafkaBootstrapServers, cassandraHost, cassandraPort, hdfsUri, 1);
    }

    public LabEndpoints withReplication(int copies) {
        return new LabEndpoints(kafkaBootstrapServers, cassandraHost, cassandraPort, hdfsUri, copies);
    }

    /**
     * The consistency level of the jobs' Cassandra reads and writes: one replica when there is one, a
     * majority of the replicas otherwise (two of three: a write survives a node down, and a read at
     * the same level sees it).
     */
    public String cassandraConsistency() {
        return cassandraConsistency(replication);
    }

    /**
     * As {@link #cassandraConsistency()}, for a client that knows only the number of copies: the level
     * needing the fewest replicas at which a read still sees every write made at it, as exercise
     * 11.read-your-writes' reference solution decides (in the local data center: the lab has one).
     */
    public static String cassandraConsistency(int replication) {
        ReadYourWrites rule = new ReadYourWritesSolution();
        ConsistencyLevel level = Stream.of(ConsistencyLevel.ONE, ConsistencyLevel.QUORUM)
                .filter(candidate -> rule.readSeesLatestWrite(candidate, candidate, replication))
                .findFirst().orElse(ConsistencyLevel.QUORUM); // a majority on both sides always meets
        return "LOCAL_" + level.name();
    }

    /** The embedded lab on its default ports. */
    public static LabEndpoints localDefaults() {
        return new LabEndpoints("127.0.0.1:9092", "127.0.0.1", 9042, "hdfs://127.0.0.1:9000");
    }
}
