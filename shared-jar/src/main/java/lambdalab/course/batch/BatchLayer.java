package lambdalab.course.batch;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import lambdalab.course.LabEndpoints;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.spark.LabSpark;
import lambdalab.course.views.LambdaSchema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The batch layer: the raw events (or TSV files) aggregated with {@link ViewAggregation} into the
 * authoritative {@code batch_*} views in Cassandra, each row with the sources whose events it
 * counts. Writes are upserts keyed (product, hour), so a rerun on the same input leaves identical
 * rows. The run then records, for exactly the (source, hour) pairs it aggregated, what it covered
 * ({@link HourCoverage}, table {@code batch_coverage}): the serving layer trusts a batch row only
 * as far as that goes. Last, it merges the raw files of the complete hours it read
 * ({@link RawCompaction}): the speed layer writes one per partition and batch.
 */
public final class BatchLayer {

    /** More hours than this holding several sources are summed up in one warning line. */
    private static final int MIXED_HOURS_SHOWN = 10;

    /** What to aggregate: a raw Parquet dataset or TSV files, an optional hour range and source. */
    public record Input(String path, boolean tsv, Long fromHour, Long toHour, String source) {
        public static Input raw(String path) {
            return new Input(path, false, null, null, null);
        }

        public static Input tsv(String path) {
            return new Input(path, true, null, null, null);
        }

        /** Only hours from {@code fromMs} to {@code toMs} (inclusive, truncated to hours); null for open. */
        public Input between(Long fromMs, Long toMs) {
            return new Input(path, tsv, hourOf(fromMs), hourOf(toMs), source);
        }

        /** Only the events of {@code topic} (a topic folder of the raw dataset); null for every source. */
        public Input onlySource(String topic) {
            return new Input(path, tsv, fromHour, toHour, topic);
        }

        boolean includes(long hour) {
            return (fromHour == null || hour >= fromHour) && (toHour == null || hour <= toHour);
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
        RawSnapshot snapshot = input.tsv() ? null : listRaw(input);
        Dataset<Row> events = selected(input.tsv() ? readTsv(input, malformed) : readRaw(snapshot, input), input);
        progress.accept("Aggregating per (product, hour) ...");
        Dataset<Row> aggregate = ViewAggregation.aggregate(events, array_sort(collect_set(col(EventColumns.SOURCE))).as(LambdaSchema.SOURCES))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long rows = aggregate.count();
            if (rows == 0) {
                throw new MissingInputException("No valid events in " + input.path() + selectionText(input)
                        + (malformed.total() > 0 ? " (" + malformed.total() + " malformed lines skipped: "
                        + malformed.counts() + ")" : "") + ".");
            }
            long eventCount = totalEvents(aggregate);
            Instant now = Instant.now();
            List<HourCoverage> coverage = eventsPerSourceHour(events, aggregate, input).entrySet().stream()
                    .map(e -> input.tsv()
                            ? new HourCoverage(input.path(), e.getKey().hour(), true, Map.of(), e.getValue(), now)
                            : snapshot.coverage(e.getKey().source(), e.getKey().hour(), e.getValue(), now))
                    .toList();
            warnAboutSeveralSources(coverage);
            write(aggregate, coverage, replicationFactor);
            if (!input.tsv()) {
                compact(input.path(), coverage);
            }
            return new BatchResult(eventCount, malformed.counts(), malformed.examples(), rows, coverage);
        } finally {
            aggregate.unpersist();
        }
    }

    /** Once an hour's views are written: that hour's raw files of each partition merged into one. */
    private void compact(String rawRoot, List<HourCoverage> coverage) {
        List<RawCompaction.Folder> folders = RawCompaction.foldersOf(rawRoot, coverage);
        if (folders.isEmpty()) {
            return;
        }
        progress.accept("Compacting the raw files of " + folders.size() + " complete hour folders ...");
        RawCompaction.Result result = RawCompaction.compact(spark, folders);
        progress.accept(String.format(Locale.ROOT, "Compacted %,d hour folders: %,d files into %,d.",
                result.folders(), result.filesMerged(), result.filesWritten()));
    }

    private RawSnapshot listRaw(Input input) {
        progress.accept("Listing the raw events in " + input.path() + " ...");
        RawSnapshot snapshot = RawSnapshot.list(spark.sparkContext().hadoopConfiguration(), input.path());
        snapshot.unsettled().forEach(topic -> progress.accept("The speed layer was replacing raw files of " + topic
                + " while this run listed them (it had restarted): this run counts none of " + topic + "'s hours"
                + " complete, so the serving layer keeps answering them from the speed layer. The next run will."));
        return snapshot;
    }

    private Dataset<Row> readRaw(RawSnapshot snapshot, Input input) {
        if (!snapshot.has(input.source(), input::includes)) {
            throw new MissingInputException("No raw events in " + input.path() + selectionText(input)
                    + ". Its sources: " + String.join(", ", snapshot.sources()) + ".");
        }
        progress.accept("Reading the raw events" + selectionText(input) + " ...");
        return snapshot.read(spark, input.source(), input::includes);
    }

    private Dataset<Row> readTsv(Input input, MalformedLines malformed) {
        progress.accept("Reading TSV files from " + input.path() + " ...");
        if (!InputPaths.hasFiles(spark, input.path(), "")) {
            throw new MissingInputException("No input files at " + input.path() + ". Write some with "
                    + "`./lab generate --to files --out DIR`, or check the path (local paths need file://).");
        }
        return TsvEvents.read(spark, input.path(), malformed).withColumn(EventColumns.SOURCE, lit(input.path()));
    }

    /** The events in the input's hour range and of its source (of raw events, only their files were read). */
    private static Dataset<Row> selected(Dataset<Row> events, Input input) {
        Dataset<Row> result = events;
        if (input.fromHour() != null) {
            result = result.filter(col(EventColumns.TIMESTAMP_HOUR).geq(input.fromHour()));
        }
        if (input.toHour() != null) {
            result = result.filter(col(EventColumns.TIMESTAMP_HOUR).leq(input.toHour()));
        }
        if (input.source() != null) {
            result = result.filter(col(EventColumns.SOURCE).equalTo(input.source()));
        }
        return result;
    }

    private record SourceHour(String source, long hour) {
    }

    /**
     * How many events of each (source, hour) the run aggregated. Raw events are counted again from
     * their files (only the partition columns are read); TSV input has one source, and its lines are
     * counted from the aggregate, since decoding them again would count the malformed ones twice.
     */
    private static Map<SourceHour, Long> eventsPerSourceHour(Dataset<Row> events, Dataset<Row> aggregate, Input input) {
        Map<SourceHour, Long> counts = new TreeMap<>(Comparator.comparing(SourceHour::source)
                .thenComparingLong(SourceHour::hour));
        if (input.tsv()) {
            for (Row row : aggregate.groupBy(EventColumns.TIMESTAMP_HOUR).agg(expr("sum(" + ViewAggregation.PURCHASE_COUNT + " + " + ViewAggregation.ADD_TO_CART_COUNT + " + "
                            + ViewAggregation.PAGE_VIEW_COUNT + ")")).collectAsList()) {
                counts.put(new SourceHour(input.path(), row.getLong(0)), row.getLong(1));
            }
        } else {
            for (Row row : events.groupBy(EventColumns.SOURCE, EventColumns.TIMESTAMP_HOUR).count().collectAsList()) {
                counts.put(new SourceHour(row.getString(0), row.getLong(1)), row.getLong(2));
            }
        }
        return counts;
    }

    /**
     * A batch row sums whatever its hour holds: events of two sources there are likely the same
     * events twice (`batch load` and `generate` over the same hours), so say so, per hour.
     */
    private void warnAboutSeveralSources(List<HourCoverage> coverage) {
        Map<Long, List<HourCoverage>> severalSources = coverage.stream()
                .collect(Collectors.groupingBy(HourCoverage::timestampHour, TreeMap::new, Collectors.toList()));
        severalSources.values().removeIf(sources -> sources.size() < 2);
        if (severalSources.isEmpty()) {
            return;
        }
        severalSources.entrySet().stream().limit(MIXED_HOURS_SHOWN).forEach(hour -> progress.accept(
                "Warning: " + Instant.ofEpochMilli(hour.getKey()) + " holds events of " + hour.getValue().size()
                        + " sources: " + hour.getValue().stream().map(c -> c.source()
                        + String.format(Locale.ROOT, " (%,d)", c.events())).collect(Collectors.joining(", ")) + "."));
        if (severalSources.size() > MIXED_HOURS_SHOWN) {
            progress.accept("Warning: " + (severalSources.size() - MIXED_HOURS_SHOWN)
                    + " more hours hold events of several sources.");
        }
        progress.accept("  Their batch rows count the events of every source (the `sources` column says which). "
                + "If these are the same events twice, e.g. `./lab batch load` and `./lab generate` over the same "
                + "hours, the rows count them twice: run the batch layer for one source, `./lab batch --source NAME`. "
                + "See troubleshooting.md#batch-sources.");
    }

    private void write(Dataset<Row> aggregate, List<HourCoverage> coverage, int replicationFactor) {
        try (CqlSession session = LambdaSchema.openJobSession(endpoints)) {
            LambdaSchema.create(session, replicationFactor);
            LabSpark.refreshCassandraSchema(spark);
            progress.accept("Upserting " + LambdaSchema.KEYSPACE + "." + LambdaSchema.BATCH_ACTIVITY + " ...");
            upsert(ViewAggregation.activity(aggregate, LambdaSchema.SOURCES), LambdaSchema.BATCH_ACTIVITY);
            progress.accept("Upserting " + LambdaSchema.KEYSPACE + "." + LambdaSchema.BATCH_VISITORS + " ...");
            upsert(ViewAggregation.visitors(aggregate, LambdaSchema.SOURCES), LambdaSchema.BATCH_VISITORS);
            // after the rows: until it is written, the older coverage makes the serving layer no bolder
            progress.accept("Recording what the run covered in " + LambdaSchema.KEYSPACE + "."
                    + LambdaSchema.BATCH_COVERAGE + " ...");
            PreparedStatement insert = session.prepare("INSERT INTO " + LambdaSchema.KEYSPACE + "."
                    + LambdaSchema.BATCH_COVERAGE + " (source, timestamp_hour, complete, through_offsets, events, "
                    + "updated_at) VALUES (?, ?, ?, ?, ?, ?)");
            for (HourCoverage hour : coverage) {
                session.execute(insert.bind(hour.source(), hour.timestampHour(), hour.complete(),
                        hour.throughOffsets(), hour.events(), hour.updatedAt()));
            }
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

    private static String selectionText(Input input) {
        List<String> parts = new ArrayList<>();
        if (input.source() != null) {
            parts.add(" of source " + input.source());
        }
        if (input.fromHour() != null || input.toHour() != null) {
            parts.add(" between " + (input.fromHour() == null ? "the start" : Instant.ofEpochMilli(input.fromHour()))
                    + " and " + (input.toHour() == null ? "the end" : Instant.ofEpochMilli(input.toHour())));
        }
        return String.join("", parts);
    }

    /** For a summary: the reasons with their counts, in a stable order. */
    public static List<String> describeMalformed(BatchResult result) {
        return result.malformed().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
    }
}
