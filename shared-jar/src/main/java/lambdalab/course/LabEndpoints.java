package lambdalab.course;

/**
 * Where the lab's services are, for jobs and notebooks: every job takes its endpoints from here,
 * never from code, so the same jar runs against the embedded lab or real clusters.
 *
 * @param kafkaBootstrapServers e.g. 127.0.0.1:9092
 * @param cassandraHost         a contact point, e.g. 127.0.0.1
 * @param cassandraPort         CQL port, e.g. 9042
 * @param hdfsUri               the default file system, e.g. hdfs://127.0.0.1:9000
 */
public record LabEndpoints(String kafkaBootstrapServers, String cassandraHost, int cassandraPort, String hdfsUri)
        implements java.io.Serializable {

    /** The embedded lab on its default ports. */
    public static LabEndpoints localDefaults() {
        return new LabEndpoints("127.0.0.1:9092", "127.0.0.1", 9042, "hdfs://127.0.0.1:9000");
    }
}
