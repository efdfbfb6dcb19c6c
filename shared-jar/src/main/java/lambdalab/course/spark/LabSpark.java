package lambdalab.course.spark;

import com.datastax.spark.connector.cql.CassandraConnector;
import java.util.HashMap;
import java.util.Map;
import lambdalab.course.LabEndpoints;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * The SparkSession the course's jobs and notebooks share: local by default, on loopback only, the
 * lab's HDFS as default file system (as many replicas per block as the endpoints say), its Cassandra
 * for the connector (at the endpoints' consistency level), and
 * the settings that mattered on a small machine (measured on 2 cores).
 */
public final class LabSpark {

    /** Every Spark driver of the lab listens on loopback only. */
    public static final String DRIVER_ADDRESS = "127.0.0.1";

    private LabSpark() {
    }

    /**
     * The HDFS client settings of the lab's jobs. Hadoop caches one client per file system, built with
     * the settings of whoever asked first: code that touches HDFS before Spark must use these too.
     */
    public static Map<String, String> hadoopSettings(LabEndpoints endpoints) {
        Map<String, String> settings = new HashMap<>(Map.of("fs.defaultFS", endpoints.hdfsUri(),
                "dfs.replication", Integer.toString(endpoints.replication()),
                // closing a file asks the NameNode until the block is reported, retrying after 400 ms by
                // default, then twice as long each time: that wait was most of a speed-layer batch's raw
                // write. The DataNode reports within 5-10 ms here: a small file's close took 23 ms with
                // a first retry after 20 ms, 11 ms after 5 ms
                "dfs.client.block.write.locateFollowingBlock.initial.delay.ms", "5",
                // ... but a busy machine's DataNode can report later than the 155 ms that 5 retries
                // from 5 ms wait in all: a close then fails ("Unable to close file because the last
                // block ... does not have enough number of replicas"; it failed `lab bench batch
                // --small-files` while a build ran beside it). 12 retries wait up to 20 s, as long as
                // Hadoop's default 5 from 400 ms (12.4 s) and a little more
                "dfs.client.block.write.locateFollowingBlock.retries", "12"));
        if (endpoints.replication() > 1) {
            // a DataNode lost from a file's write pipeline is replaced by another one when the file was
            // flushed (Spark's checkpoint logs are): with three DataNodes there is none, and the write
            // failed ("no more good datanodes being available to try"). Best effort: go on with the two
            // left (Hadoop's advice for clusters of three nodes or fewer). One copy: nothing to replace.
            settings.put("dfs.client.block.write.replace-datanode-on-failure.best-effort", "true");
        }
        return Map.copyOf(settings);
    }

    /** The same settings as a Hadoop configuration. */
    public static Configuration hadoopConfiguration(LabEndpoints endpoints) {
        Configuration conf = new Configuration();
        hadoopSettings(endpoints).forEach(conf::set);
        return conf;
    }

    /**
     * The driver's address as system properties too: Spark takes them from there when it rebuilds
     * a streaming job's configuration from a checkpoint (it drops the checkpoint's own values).
     */
    public static void keepDriverOnLoopback() {
        System.setProperty("spark.driver.bindAddress", DRIVER_ADDRESS);
        System.setProperty("spark.driver.host", DRIVER_ADDRESS);
    }

    /**
     * Lets Spark's Cassandra connector see a schema change made with another session (a new
     * keyspace, table or column) before Spark reads or writes it. The connector keeps its own copy
     * of the schema and hears of such a change only a moment later; a write in that moment fails
     * with "Couldn't find keyspace".
     */
    public static void refreshCassandraSchema(SparkSession spark) {
        CassandraConnector.apply(spark.sparkContext().getConf()).withSessionDo(session -> session.refreshSchema());
    }

    /** A session builder for {@code master} (e.g. {@code local[2]}) against the lab's endpoints. */
    public static SparkSession.Builder builder(String appName, String master, LabEndpoints endpoints) {
        SparkSession.Builder builder = SparkSession.builder()
                .appName(appName)
                .master(master)
                .config("spark.driver.bindAddress", DRIVER_ADDRESS)
                .config("spark.driver.host", DRIVER_ADDRESS)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.shuffle.partitions", "4")
                // hll_sketch_agg falls back to sort-based aggregation past 128 keys per task: 3.4x slower
                .config("spark.sql.objectHashAggregate.sortBased.fallbackThreshold", "4096")
                .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
                .config("spark.cassandra.connection.host", endpoints.cassandraHost())
                .config("spark.cassandra.connection.port", Integer.toString(endpoints.cassandraPort()))
                .config("spark.cassandra.connection.localDC", "datacenter1")
                // a restarted Cassandra node is tried again within 2 s (the driver's backoff grows to a
                // minute by default: a batch run right after a restart met no connection for seconds)
                .config("spark.cassandra.connection.reconnectionDelayMS.max", "2000")
                .config("spark.cassandra.output.consistency.level", endpoints.cassandraConsistency())
                .config("spark.cassandra.input.consistency.level", endpoints.cassandraConsistency());
        hadoopSettings(endpoints).forEach((key, value) -> builder.config("spark.hadoop." + key, value));
        return builder;
    }
}
