package lambdalab.course.serving;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.LongStream;
import lambdalab.course.clickstream.ProductHour;
import lambdalab.course.views.LambdaSchema;

/**
 * Reads the views of keyspace {@code lambda} with plain CQL: a layer's rows from a given hour on
 * (its activity and visitors tables joined per (product, hour)), and the layers' watermarks.
 */
public final class ViewReader {

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
                LambdaSchema.STREAM_ACTIVITY, LambdaSchema.STREAM_VISITORS, LambdaSchema.WATERMARKS)) {
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

    /** The layer's rows from {@code fromHour} on (of {@code product}, or of every product). */
    public List<ViewRow> rowsFrom(Layer layer, Optional<String> product, long fromHour) {
        Map<ProductHour, long[]> counts = new LinkedHashMap<>();
        for (Row row : select("product, timestamp_hour, purchase_count, add_to_cart_count, page_view_count",
                activityTable(layer), product, fromHour)) {
            counts.put(key(row), new long[] {row.getLong("purchase_count"), row.getLong("add_to_cart_count"),
                    row.getLong("page_view_count")});
        }
        Map<ProductHour, byte[]> sketches = new LinkedHashMap<>();
        for (Row row : select("product, timestamp_hour, visitors_sketch", visitorsTable(layer), product, fromHour)) {
            sketches.put(key(row), bytes(row.getByteBuffer("visitors_sketch")));
        }
        return join(counts, sketches);
    }

    /** The watermark of each layer that recorded one. */
    public Map<Layer, LayerWatermark> watermarks() {
        Map<Layer, LayerWatermark> watermarks = new EnumMap<>(Layer.class);
        for (Row row : session.execute("SELECT layer, watermark_hour, events, updated_at FROM "
                + LambdaSchema.KEYSPACE + "." + LambdaSchema.WATERMARKS)) {
            for (Layer layer : Layer.values()) {
                if (layer.key().equals(row.getString("layer")) && !row.isNull("watermark_hour")) {
                    watermarks.put(layer, new LayerWatermark(layer, row.getLong("watermark_hour"),
                            row.getLong("events"), row.getInstant("updated_at")));
                }
            }
        }
        return watermarks;
    }

    /** Newest first within a partition (the tables cluster by hour descending): one row per product. */
    private LongStream newestHours(String table, Optional<String> product) {
        String query = "SELECT timestamp_hour FROM " + table;
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
    private Iterable<Row> select(String columns, String table, Optional<String> product, long fromHour) {
        String query = "SELECT " + columns + " FROM " + table;
        return product.isPresent()
                ? session.execute(query + " WHERE product = ? AND timestamp_hour >= ?", product.get(), fromHour)
                : session.execute(query + " WHERE timestamp_hour >= ? ALLOW FILTERING", fromHour);
    }

    /** Both tables of a layer are written separately: a key in either one is a row, the other half empty. */
    private static List<ViewRow> join(Map<ProductHour, long[]> counts, Map<ProductHour, byte[]> sketches) {
        Map<ProductHour, ViewRow> rows = new LinkedHashMap<>();
        counts.forEach((key, c) -> rows.put(key, new ViewRow(key, c[0], c[1], c[2], sketches.getOrDefault(key, new byte[0]))));
        sketches.forEach((key, sketch) -> rows.putIfAbsent(key, new ViewRow(key, 0, 0, 0, sketch)));
        return List.copyOf(rows.values());
    }

    private static ProductHour key(Row row) {
        return new ProductHour(row.getString("product"), row.getLong("timestamp_hour"));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return new byte[0];
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static String activityTable(Layer layer) {
        return LambdaSchema.KEYSPACE + "." + (layer == Layer.BATCH ? LambdaSchema.BATCH_ACTIVITY : LambdaSchema.STREAM_ACTIVITY);
    }

    private static String visitorsTable(Layer layer) {
        return LambdaSchema.KEYSPACE + "." + (layer == Layer.BATCH ? LambdaSchema.BATCH_VISITORS : LambdaSchema.STREAM_VISITORS);
    }
}
