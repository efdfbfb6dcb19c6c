package lambdalab.interpreter;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import lambdalab.course.LabEndpoints;

/**
 * The interpreter group's properties (set in Zeppelin's interpreter settings, or by the headless
 * runner), with the embedded lab's defaults so a fresh install talks to {@code ./lab up} at once.
 *
 * @param sparkMaster the SparkSession's master, e.g. {@code local[2]}
 * @param endpoints   where Kafka, Cassandra and HDFS are
 * @param maxRows     at most this many rows in a rendered table (Zeppelin keeps results in the browser)
 * @param plusApp     the Lambda+ app server (note 09 posts readings to it)
 */
public record LabInterpreterSettings(String sparkMaster, LabEndpoints endpoints, int maxRows, URI plusApp) {

    public static final String SPARK_MASTER = "lab.spark.master";
    public static final String KAFKA_BOOTSTRAP_SERVERS = "lab.kafka.bootstrap.servers";
    public static final String CASSANDRA_HOST = "lab.cassandra.host";
    public static final String CASSANDRA_PORT = "lab.cassandra.port";
    public static final String HDFS_URI = "lab.hdfs.uri";
    /** Copies of each Cassandra row and HDFS block (the lab's cluster profile: 3), see {@code LabEndpoints}. */
    public static final String REPLICATION = "lab.replication";
    public static final String MAX_ROWS = "lab.table.max.rows";
    public static final String PLUS_URL = "lab.plus.url";
    /** Where exercise and check results go ({@code ./lab progress}); by default {@code $LAB_HOME/progress.tsv}. */
    public static final String PROGRESS_FILE = "lab.progress.file";

    public static final String DEFAULT_MASTER = "local[2]";
    public static final int DEFAULT_MAX_ROWS = 1000;
    public static final String DEFAULT_PLUS_URL = "http://127.0.0.1:7070";

    public LabInterpreterSettings {
        if (maxRows < 1) {
            throw new IllegalArgumentException(MAX_ROWS + " must be at least 1, got " + maxRows);
        }
    }

    /** Reads the properties; a missing or blank one takes the embedded lab's default. */
    public static LabInterpreterSettings from(Properties properties) {
        LabEndpoints defaults = LabEndpoints.localDefaults();
        LabEndpoints endpoints = new LabEndpoints(
                text(properties, KAFKA_BOOTSTRAP_SERVERS, defaults.kafkaBootstrapServers()),
                text(properties, CASSANDRA_HOST, defaults.cassandraHost()),
                number(properties, CASSANDRA_PORT, defaults.cassandraPort()),
                text(properties, HDFS_URI, defaults.hdfsUri()),
                number(properties, REPLICATION, defaults.replication()));
        String plusUrl = text(properties, PLUS_URL, DEFAULT_PLUS_URL);
        URI plusApp;
        try {
            plusApp = new URI(plusUrl);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Interpreter property " + PLUS_URL + " must be a URL like "
                    + DEFAULT_PLUS_URL + ", got '" + plusUrl + "'", e);
        }
        return new LabInterpreterSettings(text(properties, SPARK_MASTER, DEFAULT_MASTER), endpoints,
                number(properties, MAX_ROWS, DEFAULT_MAX_ROWS), plusApp);
    }

    /** The progress file: the property, else {@code $LAB_HOME/progress.tsv} when LAB_HOME is set, else none. */
    public static Optional<String> progressFile(Properties properties) {
        String home = System.getenv("LAB_HOME");
        String fallback = home == null || home.isBlank() ? null : Path.of(home, "progress.tsv").toString();
        return Optional.ofNullable(text(properties, PROGRESS_FILE, fallback));
    }

    private static String text(Properties properties, String name, String defaultValue) {
        String value = properties.getProperty(name);
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    private static int number(Properties properties, String name, int defaultValue) {
        String value = text(properties, name, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Interpreter property " + name + " must be a whole number, got '"
                    + value + "'", e);
        }
    }
}
