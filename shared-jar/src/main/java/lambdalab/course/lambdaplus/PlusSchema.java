package lambdalab.course.lambdaplus;

import com.datastax.oss.driver.api.core.CqlSession;
import java.util.List;
import lambdalab.course.views.SchemaChanges;

/**
 * Lambda+'s one store: keyspace {@code lambda_plus} in Cassandra, and its Kafka topic.
 *
 * <ul>
 *   <li>{@code records}: every reading the app server accepted, partitioned by its 100 ms bucket (the
 *       design paper's table). Keyed by (bucket, sensor, time), so a retried write overwrites itself.</li>
 *   <li>{@code bucket_rollups}: per bucket, count, sum (micro-units), min, max and avg; written every
 *       second by the speed job and corrected by the batch job. Partitioned by minute, newest bucket
 *       first, so the dashboard's "last minutes" reads a few partitions.</li>
 *   <li>{@code sensor_rollups}: per sensor, over every record older than the batch's horizon; batch only.</li>
 *   <li>{@code batch_runs}: per batch job, the cutoff its last run covered (the dashboard's freshness).</li>
 * </ul>
 */
public final class PlusSchema {

    public static final String KEYSPACE = "lambda_plus";
    public static final String RECORDS = "records";
    public static final String BUCKET_ROLLUPS = "bucket_rollups";
    public static final String SENSOR_ROLLUPS = "sensor_rollups";
    public static final String BATCH_RUNS = "batch_runs";
    /** The topic the app server writes every accepted reading to, keyed by sensor. */
    public static final String TOPIC = "sensor-readings";
    public static final int TOPIC_PARTITIONS = 2;

    /** Who wrote a bucket rollup row. */
    public static final String BY_SPEED = "speed";
    public static final String BY_BATCH = "batch";

    private PlusSchema() {
    }

    /** Creates the keyspace and the tables if missing; safe to run any number of times. */
    public static void create(CqlSession session, int replicationFactor) {
        statements(replicationFactor).forEach(statement -> SchemaChanges.execute(session, statement));
    }

    static List<String> statements(int replicationFactor) {
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replication factor must be at least 1, got " + replicationFactor);
        }
        String rollupColumns = "count bigint, sum_micros bigint, min double, max double, avg double, ";
        return List.of(
                "CREATE KEYSPACE IF NOT EXISTS " + KEYSPACE + " WITH replication = "
                        + "{'class': 'SimpleStrategy', 'replication_factor': " + replicationFactor + "}",
                "CREATE TABLE IF NOT EXISTS " + KEYSPACE + "." + RECORDS + " (time_bucket bigint, sensor_id int, "
                        + "ts timestamp, data double, PRIMARY KEY ((time_bucket), sensor_id, ts))",
                "CREATE TABLE IF NOT EXISTS " + KEYSPACE + "." + BUCKET_ROLLUPS + " (minute bigint, time_bucket bigint, "
                        + rollupColumns + "written_by text, written_at timestamp, "
                        + "PRIMARY KEY ((minute), time_bucket)) WITH CLUSTERING ORDER BY (time_bucket DESC)",
                "CREATE TABLE IF NOT EXISTS " + KEYSPACE + "." + SENSOR_ROLLUPS + " (sensor_id int PRIMARY KEY, "
                        + "last_reading double, last_ts timestamp, " + rollupColumns
                        + "through timestamp, written_at timestamp)",
                "CREATE TABLE IF NOT EXISTS " + KEYSPACE + "." + BATCH_RUNS + " (job text PRIMARY KEY, "
                        + "cutoff timestamp, started_at timestamp, finished_at timestamp, records bigint, rows bigint)");
    }
}
