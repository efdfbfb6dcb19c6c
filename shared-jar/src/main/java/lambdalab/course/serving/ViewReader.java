package lambdalab.course.serving;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.LongStream;
import lambdalab.course.batch.HourCoverage;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.clickstream.ProductHour;
import lambdalab.course.exercises.cassandra.SketchBlob;
import lambdalab.course.exercises.cassandra.SketchBlobSolution;
import lambdalab.course.views.LambdaSchema;

/**
 * Reads the views of keyspace {@code lambda} with plain CQL: a layer's rows from a given hour on
 * (its activity and visitors tables joined per (product, hour)), what the batch runs covered, and
 * the speed layer's watermark. Views written by an older version of the lab lack some of the newer
 * columns and tables until a job writes them again: those read as empty.
 */
public final class ViewReader {

    private static final SketchBlob BLOB = new SketchBlobSolution();

    private static final String SOURCES = LambdaSchema.SOURCES;
    private static final String THROUGH_OFFSETS = "through_offsets";
    private static final String NOTHING_RAN = "Nothing has written the serving views yet: run `./lab batch load` "
            + "then `./lab batch` (the batch layer), or `./lab stream start` (the speed layer), then query again.";

    private final CqlSession session;

    public ViewReader(CqlSession session) {
        this.session = session;
    }

    /** Fails with what to run when the keyspace or one of the views does not exist. */
    public void requireViews() {
        Optional<KeyspaceMetadata> keyspace = session.getMetadata().getKeyspace(LambdaSchema.KEYSPACE);
        if (keyspace.isEmpty()) {
            throw new MissingViewsException("Keyspace " + LambdaSchema.KEYSPACE + " does not exist. " + NOTHING_RAN);
        }
        for (String table : List.of(LambdaSchema.BATCH_ACTIVITY, LambdaSchema.BATCH_VISITORS,
                LambdaSchema.STREAM_ACTIVITY, LambdaSchema.STREAM_VISITORS)) {
            if (keyspace.get().getTable(table).isEmpty()) {
                throw new MissingViewsException("Table " + LambdaSchema.KEYSPACE + "." + table + " does not exist. "
                        + NOTHING_RAN);
            }
        }
    }

    /** The newest hour the layer has a row for (of {@code product}, or of any product). */
    public OptionalLong newestHour(Layer layer, Optional<String> product) {
        return LongStream.concat(newestHours(activityTable(layer), product), newestHours(visitorsTable(layer), product))
                .max();
    }

    /**
     * The layer's rows from {@code fromHour} on (of {@code product}, or of every product), with a
     * batch row's sources and a stream row's offsets.
     */
    public List<ViewRow> rowsFrom(Layer layer, Optional<String> product, long fromHour) {
        String extra = layer == Layer.BATCH ? SOURCES : THROUGH_OFFSETS;
        Map<ProductHour, ViewRow> counts = new LinkedHashMap<>();
        for (Row row : select("product, timestamp_hour, purchase_count, add_to_cart_count, page_view_count",
                activityTable(layer), extra, product, fromHour)) {
            counts.put(key(row), new ViewRow(key(row), row.getLong("purchase_count"), row.getLong("add_to_cart_count"),
                    row.getLong("page_view_count"), new byte[0], sources(row), throughOffsets(row)));
        }
        Map<ProductHour, ViewRow> sketches = new LinkedHashMap<>();
        for (Row row : select("product, timestamp_hour, visitors_sketch", visitorsTable(layer), extra, product, fromHour)) {
            sketches.put(key(row), new ViewRow(key(row), 0, 0, 0, bytes(row.getByteBuffer("visitors_sketch")),
                    sources(row), throughOffsets(row)));
        }
        return join(counts, sketches);
    }

    /** The layer's rows of every product from {@code fromHour} to {@code toHour}, both included: a note's range. */
    public List<ViewRow> rowsBetween(Layer layer, long fromHour, long toHour) {
        return rowsFrom(layer, Optional.empty(), fromHour).stream().filter(row -> row.key().timestampHour() <= toHour)
                .toList();
    }

    /**
     * The first whole day after every hour either layer holds, and not before 2030: events a note or
     * a drill generates there are alone in the views, so the views can be compared with their truth.
     */
    public long firstFreeDay() {
        long newest = Instant.parse("2030-01-01T00:00:00Z").toEpochMilli() - ClickEvent.HOUR_MS;
        for (Layer layer : Layer.values()) {
            newest = Math.max(newest, newestHour(layer, Optional.empty()).orElse(newest));
        }
        long day = 24 * ClickEvent.HOUR_MS;
        return (newest / day + 1) * day;
    }

    /** What the speed layer committed for {@code topic}: per partition, the next offset it reads (empty: none yet). */
    public Map<Integer, Long> streamCommittedOffsets(String topic) {
        Map<Integer, Long> offsets = new TreeMap<>();
        for (Row row : session.execute("SELECT kafka_partition, next_offset FROM " + LambdaSchema.KEYSPACE + "."
                + LambdaSchema.STREAM_OFFSETS + " WHERE topic = ?", topic)) {
            offsets.put(row.getInt("kafka_partition"), row.getLong("next_offset"));
        }
        return offsets;
    }

    /** Every (source, hour) a batch run recorded; none before the first run of this version. */
    public List<HourCoverage> coverage() {
        if (!hasTable(LambdaSchema.BATCH_COVERAGE)) {
            return List.of();
        }
        List<HourCoverage> coverage = new ArrayList<>();
        for (Row row : session.execute("SELECT source, timestamp_hour, complete, through_offsets, events, updated_at FROM "
                + LambdaSchema.KEYSPACE + "." + LambdaSchema.BATCH_COVERAGE)) {
            coverage.add(new HourCoverage(row.getString("source"), row.getLong("timestamp_hour"),
                    row.getBoolean("complete"), row.getMap("through_offsets", Integer.class, Long.class),
                    row.getLong("events"), row.getInstant("updated_at")));
        }
        return coverage;
    }

    /** The speed layer's watermark row, if it recorded one. */
    public Optional<LayerWatermark> streamWatermark() {
        if (!hasTable(LambdaSchema.WATERMARKS)) {
            return Optional.empty();
        }
        Row row = session.execute("SELECT layer, watermark_hour, events, updated_at FROM " + LambdaSchema.KEYSPACE + "."
                + LambdaSchema.WATERMARKS + " WHERE layer = ?", Layer.STREAM.key()).one();
        if (row == null || row.isNull("watermark_hour")) {
            return Optional.empty();
        }
        return Optional.of(new LayerWatermark(Layer.STREAM, row.getLong("watermark_hour"), row.getLong("events"),
                row.getInstant("updated_at")));
    }

    /** Newest first within a partition (the tables cluster by hour descending): one row per product. */
    private LongStream newestHours(String table, Optional<String> product) {
        String query = "SELECT timestamp_hour FROM " + LambdaSchema.KEYSPACE + "." + table;
        Iterable<Row> rows = product.isPresent()
                ? session.execute(query + " WHERE product = ? LIMIT 1", product.get())
                : session.execute(query + " PER PARTITION LIMIT 1");
        List<Long> hours = new ArrayList<>();
        rows.forEach(row -> hours.add(row.getLong("timestamp_hour")));
        return hours.stream().mapToLong(Long::longValue);
    }

    /**
     * Only the hours asked for, so a long-running lab does not ship its whole history of sketches.
     * Across all products that is a filtered scan: fine for views of a few hundred products.
     */
    private Iterable<Row> select(String columns, String table, String optionalColumn, Optional<String> product,
                                 long fromHour) {
        String query = "SELECT " + columns + (hasColumn(table, optionalColumn) ? ", " + optionalColumn : "") + " FROM "
                + LambdaSchema.KEYSPACE + "." + table;
        return product.isPresent()
                ? session.execute(query + " WHERE product = ? AND timestamp_hour >= ?", product.get(), fromHour)
                : session.execute(query + " WHERE timestamp_hour >= ? ALLOW FILTERING", fromHour);
    }

    /**
     * Both tables of a layer are written separately: a key in either one is a row, the other half
     * empty. The activity row's sources and offsets count; the visitors row's only without one.
     */
    private static List<ViewRow> join(Map<ProductHour, ViewRow> counts, Map<ProductHour, ViewRow> sketches) {
        Map<ProductHour, ViewRow> rows = new LinkedHashMap<>();
        counts.forEach((key, c) -> {
            ViewRow visitors = sketches.get(key);
            rows.put(key, new ViewRow(key, c.purchaseCount(), c.addToCartCount(), c.pageViewCount(),
                    visitors == null ? new byte[0] : visitors.visitorsSketch(), c.sources(), c.throughOffsets()));
        });
        sketches.forEach(rows::putIfAbsent);
        return List.copyOf(rows.values());
    }

    private static Set<String> sources(Row row) {
        return row.getColumnDefinitions().contains(SOURCES) ? row.getSet(SOURCES, String.class) : Set.of();
    }

    private static Map<Integer, Long> throughOffsets(Row row) {
        return row.getColumnDefinitions().contains(THROUGH_OFFSETS)
                ? row.getMap(THROUGH_OFFSETS, Integer.class, Long.class) : Map.of();
    }

    private boolean hasTable(String table) {
        return session.getMetadata().getKeyspace(LambdaSchema.KEYSPACE).flatMap(k -> k.getTable(table)).isPresent();
    }

    private boolean hasColumn(String table, String column) {
        return session.getMetadata().getKeyspace(LambdaSchema.KEYSPACE).flatMap(k -> k.getTable(table))
                .flatMap(t -> t.getColumn(column)).isPresent();
    }

    private static ProductHour key(Row row) {
        return new ProductHour(row.getString("product"), row.getLong("timestamp_hour"));
    }

    /** A blob's bytes: exercise 07.sketch-blob's reference solution. */
    private static byte[] bytes(ByteBuffer buffer) {
        return BLOB.bytes(buffer);
    }

    private static String activityTable(Layer layer) {
        return layer == Layer.BATCH ? LambdaSchema.BATCH_ACTIVITY : LambdaSchema.STREAM_ACTIVITY;
    }

    private static String visitorsTable(Layer layer) {
        return layer == Layer.BATCH ? LambdaSchema.BATCH_VISITORS : LambdaSchema.STREAM_VISITORS;
    }
}
