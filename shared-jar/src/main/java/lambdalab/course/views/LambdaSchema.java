package lambdalab.course.views;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lambdalab.course.LabEndpoints;

/**
 * The serving views in Cassandra keyspace {@code lambda}, with the course's table and column names:
 * per (product, hour), newest hour first. The visitors views also keep the HyperLogLog sketch of the
 * visitors, so batch and speed estimates can be merged as sketches, never summed.
 */
public final class LambdaSchema {

    public static final String KEYSPACE = "lambda";
    public static final String BATCH_ACTIVITY = "batch_activity_by_product";
    public static final String STREAM_ACTIVITY = "stream_activity_by_product";
    public static final String BATCH_VISITORS = "batch_visitors_by_product";
    public static final String STREAM_VISITORS = "stream_visitors_by_product";
    /**
     * The speed layer's row ({@code stream}): the newest hour it has seen and its event count. The
     * batch layer no longer writes one (a {@code batch} row from an older version is ignored): one
     * hour for every source and run could not say what each run covered (see {@link #BATCH_COVERAGE}).
     */
    public static final String WATERMARKS = "layer_watermarks";
    /**
     * Per (source, hour) that a batch run aggregated: whether the hour was complete when it read it
     * and up to which Kafka offset per partition it had read the hour's events. Each run writes
     * exactly the hours it aggregated, so a run over a few hours leaves the others as they were.
     */
    public static final String BATCH_COVERAGE = "batch_coverage";
    /** The batch views' column with the sources whose events a row counts (see {@link #BATCH_ROW_COLUMNS}). */
    public static final String SOURCES = "sources";
    /** Per product: the action counts of the speed layer's sliding window (about 30 s). */
    public static final String STREAM_WINDOW = "stream_window_by_product";
    /** Per Kafka partition of a topic: the next offset the speed layer reads (all before it are in the views). */
    public static final String STREAM_OFFSETS = "stream_offsets";

    /**
     * Columns every stream view row carries besides its value, so the row says which batch wrote it:
     * {@code batch_time} (that batch), {@code through_offsets} (the next Kafka offset per partition
     * after it: every event the row counts lies below), and the row's value before that batch
     * ({@code previous_*}, null when the row did not exist). The one batch that may have written
     * views without committing its offsets (the job died in between) can so be taken back out
     * exactly, and the batch layer can tell whether it has seen every event a stream row counts.
     * {@code entered_*}: the batch in which the group last entered the job's state (new, or back
     * after its state timed out) and the row's value then, which the state started from.
     */
    static final Map<String, String> STREAM_ROW_COLUMNS = columns("batch_time", "timestamp",
            "through_offsets", "map<int, bigint>");
    static final Map<String, String> STREAM_ACTIVITY_COLUMNS = columns("previous_purchase_count", "bigint",
            "previous_add_to_cart_count", "bigint", "previous_page_view_count", "bigint",
            "entered_at", "timestamp", "entered_purchase_count", "bigint",
            "entered_add_to_cart_count", "bigint", "entered_page_view_count", "bigint");
    static final Map<String, String> STREAM_VISITORS_COLUMNS = columns("previous_visitors_sketch", "blob",
            "entered_at", "timestamp", "entered_visitors_sketch", "blob");
    /**
     * Besides each partition's next offset: since when the stream views hold what the job counted
     * ({@code views_since}, the start of the run that began from no committed offsets). Rows
     * written before it (by a run that was reset) are never taken as state.
     */
    /**
     * {@code replay_until}: set while a run restarted from a checkpoint older than this commit
     * replays batches an earlier run had committed; the views and raw data are behind this record
     * until its commits reach that offset again (see the speed layer's {@code ReplayGuard}).
     */
    static final Map<String, String> STREAM_OFFSETS_COLUMNS = columns("views_since", "timestamp",
            "replay_until", "bigint");
    /**
     * Columns every batch view row carries besides its value: the sources whose events it counts
     * (the raw dataset's {@code topic}: {@code generated} for loaded events, else a Kafka topic; or
     * the TSV input's path), so the same events loaded and streamed do not add up unseen.
     */
    static final Map<String, String> BATCH_ROW_COLUMNS = columns(SOURCES, "set<text>");

    /** DDL runs slowly on a busy small machine: the driver's 2 s default is too short. */
    static final Duration SCHEMA_TIMEOUT = Duration.ofSeconds(60);

    private LambdaSchema() {
    }

    /** Creates the keyspace and every table if missing; safe to run any number of times. */
    public static void create(CqlSession session, int replicationFactor) {
        for (String statement : statements(replicationFactor)) {
            SchemaChanges.execute(session, statement);
        }
        SchemaChanges.awaitAgreement(session, SCHEMA_TIMEOUT);
        // tables created by an earlier version of the lab lack the newer columns
        addMissingColumns(session, BATCH_ACTIVITY, BATCH_ROW_COLUMNS);
        addMissingColumns(session, BATCH_VISITORS, BATCH_ROW_COLUMNS);
        addMissingColumns(session, STREAM_ACTIVITY, STREAM_ROW_COLUMNS);
        addMissingColumns(session, STREAM_ACTIVITY, STREAM_ACTIVITY_COLUMNS);
        addMissingColumns(session, STREAM_VISITORS, STREAM_ROW_COLUMNS);
        addMissingColumns(session, STREAM_VISITORS, STREAM_VISITORS_COLUMNS);
        addMissingColumns(session, STREAM_OFFSETS, STREAM_OFFSETS_COLUMNS);
    }

    private static void addMissingColumns(CqlSession session, String table, Map<String, String> columns) {
        TableMetadata metadata = tableMetadata(session, table);
        columns.forEach((name, type) -> {
            if (metadata.getColumn(name).isEmpty()) {
                SchemaChanges.execute(session, "ALTER TABLE " + KEYSPACE + "." + table + " ADD " + name + " " + type);
            }
        });
    }

    /** The driver's metadata of a table, refreshed once should it have been read before the nodes agreed. */
    private static TableMetadata tableMetadata(CqlSession session, String table) {
        Optional<TableMetadata> metadata = session.getMetadata().getKeyspace(KEYSPACE).flatMap(k -> k.getTable(table));
        if (metadata.isEmpty()) {
            metadata = session.refreshSchema().getKeyspace(KEYSPACE).flatMap(k -> k.getTable(table));
        }
        return metadata.orElseThrow(() -> new IllegalStateException(KEYSPACE + "." + table + " was not created"));
    }

    static List<String> statements(int replicationFactor) {
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replication factor must be at least 1, got " + replicationFactor);
        }
        return List.of(
                "CREATE KEYSPACE IF NOT EXISTS " + KEYSPACE + " WITH replication = "
                        + "{'class': 'SimpleStrategy', 'replication_factor': " + replicationFactor + "}",
                activityTable(BATCH_ACTIVITY, BATCH_ROW_COLUMNS),
                activityTable(STREAM_ACTIVITY, merged(STREAM_ROW_COLUMNS, STREAM_ACTIVITY_COLUMNS)),
                visitorsTable(BATCH_VISITORS, BATCH_ROW_COLUMNS),
                visitorsTable(STREAM_VISITORS, merged(STREAM_ROW_COLUMNS, STREAM_VISITORS_COLUMNS)),
                "CREATE TABLE IF NOT EXISTS " + KEYSPACE + "." + WATERMARKS + " (layer text PRIMARY KEY, "
                        + "watermark_hour bigint, events bigint, updated_at timestamp)",
                "CREATE TABLE IF NOT EXISTS " + KEYSPACE + "." + BATCH_COVERAGE + " (source text, timestamp_hour bigint, "
                        + "complete boolean, through_offsets map<int, bigint>, events bigint, updated_at timestamp, "
                        + "PRIMARY KEY (source, timestamp_hour)) WITH CLUSTERING ORDER BY (timestamp_hour DESC)",
                "CREATE TABLE IF NOT EXISTS " + KEYSPACE + "." + STREAM_WINDOW + " (product text PRIMARY KEY, "
                        + "window_end timestamp, window_seconds int, "
                        + "purchase_count bigint, add_to_cart_count bigint, page_view_count bigint)",
                "CREATE TABLE IF NOT EXISTS " + KEYSPACE + "." + STREAM_OFFSETS + " (topic text, kafka_partition int, "
                        + "next_offset bigint, batch_time timestamp, " + declare(STREAM_OFFSETS_COLUMNS)
                        + "PRIMARY KEY (topic, kafka_partition))");
    }

    private static String activityTable(String name, Map<String, String> extraColumns) {
        return activityTable(KEYSPACE, name, extraColumns);
    }

    private static String visitorsTable(String name, Map<String, String> extraColumns) {
        return visitorsTable(KEYSPACE, name, extraColumns);
    }

    /**
     * The CQL of an activity view (per (product, hour), newest hour first, the three action counts)
     * in any keyspace, with {@code extraColumns} (name to type) beside the counts: the Kappa views
     * have the Lambda views' shape.
     */
    public static String activityTable(String keyspace, String name, Map<String, String> extraColumns) {
        return "CREATE TABLE IF NOT EXISTS " + keyspace + "." + name + " (product text, timestamp_hour bigint, "
                + "purchase_count bigint, add_to_cart_count bigint, page_view_count bigint, " + declare(extraColumns)
                + "PRIMARY KEY (product, timestamp_hour)) WITH CLUSTERING ORDER BY (timestamp_hour DESC)";
    }

    /** The CQL of a visitors view (the estimate beside its sketch) in any keyspace; see {@link #activityTable}. */
    public static String visitorsTable(String keyspace, String name, Map<String, String> extraColumns) {
        return "CREATE TABLE IF NOT EXISTS " + keyspace + "." + name + " (product text, timestamp_hour bigint, "
                + "unique_visitors bigint, visitors_sketch blob, " + declare(extraColumns)
                + "PRIMARY KEY (product, timestamp_hour)) WITH CLUSTERING ORDER BY (timestamp_hour DESC)";
    }

    private static String declare(Map<String, String> columns) {
        StringBuilder declared = new StringBuilder();
        columns.forEach((name, type) -> declared.append(name).append(' ').append(type).append(", "));
        return declared.toString();
    }

    /** Name, type, name, type ... in declaration order. */
    private static Map<String, String> columns(String... namesAndTypes) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            columns.put(namesAndTypes[i], namesAndTypes[i + 1]);
        }
        return Collections.unmodifiableMap(columns);
    }

    private static Map<String, String> merged(Map<String, String> first, Map<String, String> second) {
        Map<String, String> columns = new LinkedHashMap<>(first);
        columns.putAll(second);
        return columns;
    }

    /**
     * The driver's settings every session of the lab starts from. By default a session's close
     * waits for its network threads to be quiet for 2 s, seconds lost by every short-lived session
     * (a readiness check, a command, a test's poll); and a schema statement returns only after the
     * driver refreshed its schema metadata, which it delays by 1 s to gather more changes: 1.3 s per
     * CREATE TABLE here instead of 0.2 s, 12 s for the lab's tables.
     */
    public static ProgrammaticDriverConfigLoaderBuilder sessionConfig() {
        return DriverConfigLoader.programmaticBuilder()
                .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0)
                .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0)
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(10));
    }

    /** A CQL session to the lab's Cassandra with timeouts long enough for schema statements. */
    public static CqlSession openSession(LabEndpoints endpoints) {
        return openSession(endpoints, plainSessionConfig(endpoints));
    }

    static DriverConfigLoader plainSessionConfig(LabEndpoints endpoints) {
        return sessionConfig(endpoints).build();
    }

    /**
     * A session for the course's jobs, whose every statement is idempotent: each writes absolute
     * values (upserts, no counters, no list appends, no lightweight transactions), and reads. Marking
     * them so lets the driver send a request again to the next replica when the connection it went
     * out on closes before the answer (a node killed in the cluster profile): without it the driver
     * fails the request, and a job fail-stops on the loss of one node of three. Not for a learner's
     * own statements ({@link #openSession}): a counter update sent twice counts twice.
     */
    public static CqlSession openJobSession(LabEndpoints endpoints) {
        return openSession(endpoints, jobSessionConfig(endpoints));
    }

    static DriverConfigLoader jobSessionConfig(LabEndpoints endpoints) {
        return sessionConfig(endpoints).withBoolean(DefaultDriverOption.REQUEST_DEFAULT_IDEMPOTENCE, true).build();
    }

    private static ProgrammaticDriverConfigLoaderBuilder sessionConfig(LabEndpoints endpoints) {
        return sessionConfig()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, SCHEMA_TIMEOUT)
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, SCHEMA_TIMEOUT)
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(10))
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, SCHEMA_TIMEOUT)
                .withString(DefaultDriverOption.REQUEST_CONSISTENCY, endpoints.cassandraConsistency());
    }

    private static CqlSession openSession(LabEndpoints endpoints, DriverConfigLoader config) {
        return CqlSession.builder()
                .addContactPoint(new InetSocketAddress(endpoints.cassandraHost(), endpoints.cassandraPort()))
                .withLocalDatacenter("datacenter1")
                .withConfigLoader(config)
                .build();
    }
}
