package lambdalab.course.batch;

import static org.apache.spark.sql.functions.col;

import com.datastax.oss.driver.api.core.CqlSession;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import lambdalab.course.LabEndpoints;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.views.LambdaSchema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The batch layer: the raw events (or TSV files) aggregated with {@link ViewAggregation} into the
 * authoritative {@code batch_*} views in Cassandra. Writes are upserts keyed (product, hour), so a
 * rerun on the same input leaves identical rows; the run records its watermark for the serving layer.
 */
public final class BatchLayer {

    /** What to aggregate: a raw Parquet dataset or TSV files, and an optional hour range. */
    public record Input(String path, boolean tsv, Long fromHour, Long toHour) {
        public static Input raw(String path) {
            return new Input(path, false, null, null);
        }

        public static Input tsv(String path) {
            return new Input(path, true, null, null);
        }

        /** Only hours from {@code fromMs} to {@code toMs} (inclusive, truncated to hours); null for open. */
        public Input between(Long fromMs, Long toMs) {
            return new Input(path, tsv, hourOf(fromMs), hourOf(toMs));
        }

        private static Long hourOf(Long ms) {
            return ms == null ? null : ms - Math.floorMod(ms, ClickEvent.HOUR_MS);
        }
    }

    private final SparkSession spark;
    private final LabEndpoints endpoints;
    private final Consumer<String> progress;

    public BatchLayer(SparkSession spark, LabEndpoints endpoints, Consumer<String> progress) {
        this.spark = spark;
        this.endpoints = endpoints;
        this.progress = progress;
    }

    public BatchResult run(Input input, int replicationFactor) {
        MalformedLines malformed = new MalformedLines(spark.sparkContext());
        Dataset<Row> events = inRange(read(input, malformed), input);
        progress.accept("Aggregating per (product, hour) ...");
        Dataset<Row> aggregate = ViewAggregation.aggregate(events).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long rows = aggregate.count();
            if (rows == 0) {
                throw new MissingInputException("No valid events in " + input.path() + rangeText(input)
                        + (malformed.total() > 0 ? " (" + malformed.total() + " malformed lines skipped: "
                        + malformed.counts() + ")" : "") + ".");
            }
            long eventCount = totalEvents(aggregate);
            long watermark = watermark(aggregate, input);
            write(aggregate, replicationFactor, eventCount, watermark);
            return new BatchResult(eventCount, malformed.counts(), malformed.examples(), rows, watermark);
        } finally {
            aggregate.unpersist();
        }
    }

    private Dataset<Row> read(Input input, MalformedLines malformed) {
        progress.accept("Reading " + (input.tsv() ? "TSV files" : "raw events") + " from " + input.path() + " ...");
        if (input.tsv()) {
            if (!InputPaths.hasFiles(spark, input.path(), "")) {
                throw new MissingInputException("No input files at " + input.path() + ". Write some with "
                        + "`./lab generate --to files --out DIR`, or check the path (local paths need file://).");
            }
            return TsvEvents.read(spark, input.path(), malformed);
        }
        return RawEvents.read(spark, input.path());
    }

    private static Dataset<Row> inRange(Dataset<Row> events, Input input) {
        Dataset<Row> result = events;
        if (input.fromHour() != null) {
            result = result.filter(col(EventColumns.TIMESTAMP_HOUR).geq(input.fromHour()));
        }
        if (input.toHour() != null) {
            result = result.filter(col(EventColumns.TIMESTAMP_HOUR).leq(input.toHour()));
        }
        return result;
    }

    private void write(Dataset<Row> aggregate, int replicationFactor, long eventCount, long watermark) {
        try (CqlSession session = LambdaSchema.openSession(endpoints)) {
            LambdaSchema.create(session, replicationFactor);
            progress.accept("Upserting " + LambdaSchema.KEYSPACE + "." + LambdaSchema.BATCH_ACTIVITY + " ...");
            upsert(ViewAggregation.activity(aggregate), LambdaSchema.BATCH_ACTIVITY);
            progress.accept("Upserting " + LambdaSchema.KEYSPACE + "." + LambdaSchema.BATCH_VISITORS + " ...");
            upsert(ViewAggregation.visitors(aggregate), LambdaSchema.BATCH_VISITORS);
            session.execute("INSERT INTO " + LambdaSchema.KEYSPACE + "." + LambdaSchema.WATERMARKS
                    + " (layer, watermark_hour, events, updated_at) VALUES ('batch', ?, ?, ?)",
                    watermark, eventCount, Instant.now());
        }
    }

    /** Append through the connector is an upsert by primary key: never ErrorIfExists, never duplicates. */
    private static void upsert(Dataset<Row> view, String table) {
        view.write().format("org.apache.spark.sql.cassandra")
                .options(Map.of("keyspace", LambdaSchema.KEYSPACE, "table", table))
                .mode(SaveMode.Append)
                .save();
    }

    private static long totalEvents(Dataset<Row> aggregate) {
        Row sums = aggregate.selectExpr("sum(" + ViewAggregation.PURCHASE_COUNT + " + "
                + ViewAggregation.ADD_TO_CART_COUNT + " + " + ViewAggregation.PAGE_VIEW_COUNT + ")").first();
        return sums.getLong(0);
    }

    /**
     * The last complete hour covered: the --to hour when given, else the hour before the newest
     * one (the newest may still be filling while the speed layer runs).
     */
    private static long watermark(Dataset<Row> aggregate, Input input) {
        long newest = aggregate.selectExpr("max(" + EventColumns.TIMESTAMP_HOUR + ")").first().getLong(0);
        return input.toHour() != null ? Math.min(input.toHour(), newest) : newest - ClickEvent.HOUR_MS;
    }

    private static String rangeText(Input input) {
        if (input.fromHour() == null && input.toHour() == null) {
            return "";
        }
        return " between " + (input.fromHour() == null ? "the start" : Instant.ofEpochMilli(input.fromHour()))
                + " and " + (input.toHour() == null ? "the end" : Instant.ofEpochMilli(input.toHour()));
    }

    /** For a summary: the reasons with their counts, in a stable order. */
    public static List<String> describeMalformed(BatchResult result) {
        return result.malformed().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
    }
}
