package lambdalab.course.speed;

import static lambdalab.course.views.LambdaSchema.KEYSPACE;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import lambdalab.course.clickstream.ProductHour;
import lambdalab.course.views.LambdaSchema;
import scala.Tuple2;

/**
 * The speed layer's writes to Cassandra, from the driver: a batch changes at most a few hundred
 * (product, hour) rows, so prepared statements sent concurrently beat a Spark job per table. Every
 * write is an upsert of absolute values (the state, not an increment): writing a batch twice leaves
 * the same rows, which is what makes a replayed batch harmless.
 */
final class StreamViews implements AutoCloseable {

    private static final int MAX_IN_FLIGHT = 256;

    private final CqlSession session;
    private final PreparedStatement activity;
    private final PreparedStatement visitors;
    private final PreparedStatement window;
    private final PreparedStatement offset;
    private final PreparedStatement watermark;

    StreamViews(CqlSession session) {
        this.session = session;
        LambdaSchema.create(session, 1);
        activity = session.prepare("INSERT INTO " + KEYSPACE + "." + LambdaSchema.STREAM_ACTIVITY
                + " (product, timestamp_hour, purchase_count, add_to_cart_count, page_view_count) VALUES (?, ?, ?, ?, ?)");
        visitors = session.prepare("INSERT INTO " + KEYSPACE + "." + LambdaSchema.STREAM_VISITORS
                + " (product, timestamp_hour, unique_visitors, visitors_sketch) VALUES (?, ?, ?, ?)");
        window = session.prepare("INSERT INTO " + KEYSPACE + "." + LambdaSchema.STREAM_WINDOW
                + " (product, window_end, window_seconds, purchase_count, add_to_cart_count, page_view_count)"
                + " VALUES (?, ?, ?, ?, ?, ?)");
        offset = session.prepare("INSERT INTO " + KEYSPACE + "." + LambdaSchema.STREAM_OFFSETS
                + " (topic, kafka_partition, next_offset, batch_time) VALUES (?, ?, ?, ?)");
        watermark = session.prepare("INSERT INTO " + KEYSPACE + "." + LambdaSchema.WATERMARKS
                + " (layer, watermark_hour, events, updated_at) VALUES ('stream', ?, ?, ?)");
    }

    /** Upserts the activity and visitors rows of the (product, hour) groups a batch changed. */
    void upsertState(List<Tuple2<ProductHour, HourAggregate>> changed) {
        List<BoundStatement> writes = new ArrayList<>();
        for (Tuple2<ProductHour, HourAggregate> row : changed) {
            ProductHour key = row._1();
            HourAggregate value = row._2();
            writes.add(activity.bind(key.product(), key.timestampHour(),
                    value.purchases(), value.addToCarts(), value.pageViews()));
            writes.add(visitors.bind(key.product(), key.timestampHour(),
                    value.uniqueVisitors(), ByteBuffer.wrap(value.visitorsSketch())));
        }
        executeAll(writes);
    }

    /** Upserts each product's counts over the window ending at {@code windowEnd}. */
    void upsertWindow(List<Tuple2<String, ActionCounts>> products, Instant windowEnd, int windowSeconds) {
        List<BoundStatement> writes = new ArrayList<>();
        for (Tuple2<String, ActionCounts> row : products) {
            ActionCounts counts = row._2();
            writes.add(window.bind(row._1(), windowEnd, windowSeconds,
                    counts.purchases(), counts.addToCarts(), counts.pageViews()));
        }
        executeAll(writes);
    }

    /** Records the next offset of each partition: everything before it is in the raw data and the views. */
    void commitOffsets(String topic, Map<Integer, Long> nextOffsets, Instant batchTime) {
        List<BoundStatement> writes = new ArrayList<>();
        nextOffsets.forEach((partition, next) -> writes.add(offset.bind(topic, partition, next, batchTime)));
        executeAll(writes);
    }

    /** The stream's watermark row: the newest hour it has seen and how many events it counted. */
    void recordWatermark(long newestHour, long events) {
        session.execute(watermark.bind(newestHour, events, Instant.now()));
    }

    /** The next offset per partition recorded by {@link #commitOffsets}; empty if the job never committed. */
    Map<Integer, Long> committedOffsets(String topic) {
        Map<Integer, Long> offsets = new HashMap<>();
        for (Row row : session.execute("SELECT kafka_partition, next_offset FROM " + KEYSPACE + "."
                + LambdaSchema.STREAM_OFFSETS + " WHERE topic = ?", topic)) {
            offsets.put(row.getInt("kafka_partition"), row.getLong("next_offset"));
        }
        return offsets;
    }

    /** The stream views as state, to start again when the checkpoint cannot be used. */
    List<Tuple2<ProductHour, HourAggregate>> readState() {
        Map<ProductHour, byte[]> sketches = new HashMap<>();
        for (Row row : session.execute("SELECT product, timestamp_hour, visitors_sketch FROM " + KEYSPACE + "."
                + LambdaSchema.STREAM_VISITORS)) {
            ByteBuffer sketch = row.getByteBuffer("visitors_sketch");
            sketches.put(new ProductHour(row.getString("product"), row.getLong("timestamp_hour")),
                    sketch == null ? new byte[0] : toBytes(sketch));
        }
        List<Tuple2<ProductHour, HourAggregate>> state = new ArrayList<>();
        for (Row row : session.execute("SELECT product, timestamp_hour, purchase_count, add_to_cart_count, "
                + "page_view_count FROM " + KEYSPACE + "." + LambdaSchema.STREAM_ACTIVITY)) {
            ProductHour key = new ProductHour(row.getString("product"), row.getLong("timestamp_hour"));
            state.add(new Tuple2<>(key, new HourAggregate(row.getLong("purchase_count"),
                    row.getLong("add_to_cart_count"), row.getLong("page_view_count"),
                    sketches.getOrDefault(key, new byte[0]))));
        }
        return state;
    }

    private static byte[] toBytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    /**
     * Runs the statements concurrently, at most {@link #MAX_IN_FLIGHT} at a time (a connection takes
     * 1,024 requests; beyond that the driver refuses with "no connection available").
     */
    private void executeAll(List<BoundStatement> statements) {
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        List<CompletableFuture<AsyncResultSet>> writes = new ArrayList<>(statements.size());
        for (BoundStatement statement : statements) {
            inFlight.acquireUninterruptibly();
            writes.add(session.executeAsync(statement).toCompletableFuture()
                    .whenComplete((result, failure) -> inFlight.release()));
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
    }

    @Override
    public void close() {
        session.close();
    }
}
