package lambdalab.course.speed;

import static lambdalab.course.views.LambdaSchema.KEYSPACE;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import lambdalab.course.clickstream.ProductHour;
import lambdalab.course.exercises.cassandra.SketchBlob;
import lambdalab.course.exercises.cassandra.SketchBlobSolution;
import lambdalab.course.views.LambdaSchema;
import scala.Tuple2;

/**
 * The speed layer's writes to Cassandra, from the driver: a batch changes at most a few hundred
 * (product, hour) rows, so prepared statements sent concurrently beat a Spark job per table. Every
 * write is an upsert of absolute values (the state, not an increment): writing a batch twice leaves
 * the same rows, which is what makes a replayed batch harmless.
 */
final class StreamViews implements AutoCloseable {

    private static final SketchBlob BLOB = new SketchBlobSolution();

    private static final int MAX_IN_FLIGHT = 256;

    private final CqlSession session;
    private final PreparedStatement activity;
    private final PreparedStatement visitors;
    /** The same, for a group that entered the state in the batch: also where it started. */
    private final PreparedStatement enteringActivity;
    private final PreparedStatement enteringVisitors;
    private final PreparedStatement window;
    private final PreparedStatement offset;
    private final PreparedStatement watermark;
    private final PreparedStatement replayUntil;

    /** @param replication the keyspace's replication factor, should this create it */
    StreamViews(CqlSession session, int replication) {
        this.session = session;
        LambdaSchema.create(session, replication);
        String activityColumns = "product, timestamp_hour, purchase_count, add_to_cart_count, page_view_count,"
                + " batch_time, through_offsets, previous_purchase_count, previous_add_to_cart_count,"
                + " previous_page_view_count";
        activity = session.prepare(insert(LambdaSchema.STREAM_ACTIVITY, activityColumns));
        enteringActivity = session.prepare(insert(LambdaSchema.STREAM_ACTIVITY, activityColumns
                + ", entered_at, entered_purchase_count, entered_add_to_cart_count, entered_page_view_count"));
        String visitorsColumns = "product, timestamp_hour, unique_visitors, visitors_sketch, batch_time, through_offsets,"
                + " previous_visitors_sketch";
        visitors = session.prepare(insert(LambdaSchema.STREAM_VISITORS, visitorsColumns));
        enteringVisitors = session.prepare(insert(LambdaSchema.STREAM_VISITORS, visitorsColumns
                + ", entered_at, entered_visitors_sketch"));
        window = session.prepare("INSERT INTO " + KEYSPACE + "." + LambdaSchema.STREAM_WINDOW
                + " (product, window_end, window_seconds, purchase_count, add_to_cart_count, page_view_count)"
                + " VALUES (?, ?, ?, ?, ?, ?)");
        offset = session.prepare(insert(LambdaSchema.STREAM_OFFSETS, "topic, kafka_partition, next_offset, batch_time,"
                + " views_since"));
        replayUntil = session.prepare("UPDATE " + KEYSPACE + "." + LambdaSchema.STREAM_OFFSETS
                + " SET replay_until = ? WHERE topic = ? AND kafka_partition = ?");
        watermark = session.prepare("INSERT INTO " + KEYSPACE + "." + LambdaSchema.WATERMARKS
                + " (layer, watermark_hour, events, updated_at) VALUES ('stream', ?, ?, ?)");
    }

    /**
     * Upserts the activity and visitors rows of the (product, hour) groups batch {@code batchTime}
     * changed, each with that batch, its offsets and the row's value before it (null: no row).
     */
    void upsertState(List<ChangedRow> changed, Instant batchTime, Map<Integer, Long> throughOffsets) {
        List<BoundStatement> writes = new ArrayList<>();
        for (ChangedRow row : changed) {
            writes.add(activityRow(row, batchTime, throughOffsets));
            writes.add(visitorsRow(row, batchTime, throughOffsets));
        }
        executeAll(writes);
    }

    private BoundStatement activityRow(ChangedRow row, Instant batchTime, Map<Integer, Long> throughOffsets) {
        HourAggregate value = row.value();
        HourAggregate previous = row.previous();
        Long[] before = previous == null ? new Long[3]
                : new Long[] {previous.purchases(), previous.addToCarts(), previous.pageViews()};
        Object[] values = {row.key().product(), row.key().timestampHour(), value.purchases(), value.addToCarts(),
                value.pageViews(), batchTime, throughOffsets, before[0], before[1], before[2]};
        if (!row.entered()) {
            return activity.bind(values);
        }
        Object[] entering = Arrays.copyOf(values, values.length + 4);
        entering[values.length] = batchTime;
        System.arraycopy(before, 0, entering, values.length + 1, 3);
        return enteringActivity.bind(entering);
    }

    private BoundStatement visitorsRow(ChangedRow row, Instant batchTime, Map<Integer, Long> throughOffsets) {
        HourAggregate value = row.value();
        ByteBuffer before = row.previous() == null ? null : ByteBuffer.wrap(row.previous().visitorsSketch());
        Object[] values = {row.key().product(), row.key().timestampHour(), value.uniqueVisitors(),
                ByteBuffer.wrap(value.visitorsSketch()), batchTime, throughOffsets, before};
        if (!row.entered()) {
            return visitors.bind(values);
        }
        Object[] entering = Arrays.copyOf(values, values.length + 2);
        entering[values.length] = batchTime;
        entering[values.length + 1] = before;
        return enteringVisitors.bind(entering);
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

    /**
     * Records the next offset of each partition: everything before it is in the raw data and the
     * views. One batch statement on one Cassandra partition (the topic's): all partitions' offsets
     * change together or not at all, never some from one batch and some from the one before.
     */
    void commitOffsets(String topic, Map<Integer, Long> nextOffsets, Instant batchTime, Instant viewsSince) {
        BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.UNLOGGED);
        nextOffsets.forEach((partition, next) ->
                batch.addStatement(offset.bind(topic, partition, next, batchTime, viewsSince)));
        session.execute(batch.build());
    }

    /** The stream's watermark row: the newest hour it has seen and how many events it counted. */
    void recordWatermark(long newestHour, long events) {
        session.execute(watermark.bind(newestHour, events, Instant.now()));
    }

    /**
     * What {@link #commitOffsets} recorded last: the next offset per partition, that batch's time,
     * and since when the views hold what the job counted (null for offsets of an older version).
     */
    record Committed(Map<Integer, Long> nextOffsets, Instant batchTime, Instant viewsSince,
                     Map<Integer, Long> replayUntil) {
        boolean isEmpty() {
            return nextOffsets.isEmpty();
        }

        /** Whether a run replaying committed batches stopped before it caught up (see {@link ReplayGuard}). */
        boolean replayUnfinished() {
            return !replayUntil.isEmpty();
        }
    }

    /** The offsets recorded by {@link #commitOffsets}; empty if the job never committed. */
    Committed committedOffsets(String topic) {
        Map<Integer, Long> offsets = new HashMap<>();
        Map<Integer, Long> replayUntil = new HashMap<>();
        Instant batchTime = null;
        Instant viewsSince = null;
        for (Row row : session.execute("SELECT kafka_partition, next_offset, batch_time, views_since, replay_until FROM "
                + KEYSPACE + "." + LambdaSchema.STREAM_OFFSETS + " WHERE topic = ?", topic)) {
            offsets.put(row.getInt("kafka_partition"), row.getLong("next_offset"));
            batchTime = later(batchTime, row.getInstant("batch_time"));
            viewsSince = later(viewsSince, row.getInstant("views_since"));
            if (!row.isNull("replay_until")) {
                replayUntil.put(row.getInt("kafka_partition"), row.getLong("replay_until"));
            }
        }
        return new Committed(offsets, batchTime, viewsSince, replayUntil);
    }

    /**
     * Records, per partition, the committed offset a replay has to reach again (null: the
     * partition's replay is over). One batch statement on the topic's Cassandra partition.
     */
    void recordReplayUntil(String topic, Map<Integer, Long> until) {
        BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.UNLOGGED);
        until.forEach((partition, offset) -> batch.addStatement(replayUntil.bind(offset, topic, partition)));
        session.execute(batch.build());
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }

    /**
     * The stream views as state as of the committed batch {@code committedBatch}, to start again
     * when the checkpoint cannot be used. A row written by a later batch (the one in flight when the
     * job died: its views were written, its offsets not) is taken at its value before that batch,
     * since that batch's events are read again.
     */
    List<Tuple2<ProductHour, HourAggregate>> readState(Instant committedBatch, Instant viewsSince) {
        Map<ProductHour, byte[]> sketches = new HashMap<>();
        for (Row row : session.execute("SELECT product, timestamp_hour, visitors_sketch, previous_visitors_sketch,"
                + " batch_time FROM " + KEYSPACE + "." + LambdaSchema.STREAM_VISITORS)) {
            if (writtenBefore(row, viewsSince)) {
                continue;
            }
            boolean later = writtenAfter(row, committedBatch);
            ByteBuffer sketch = row.getByteBuffer(later ? "previous_visitors_sketch" : "visitors_sketch");
            if (sketch != null) {
                sketches.put(key(row), toBytes(sketch));
            }
        }
        List<Tuple2<ProductHour, HourAggregate>> state = new ArrayList<>();
        for (Row row : session.execute("SELECT product, timestamp_hour, purchase_count, add_to_cart_count,"
                + " page_view_count, previous_purchase_count, previous_add_to_cart_count, previous_page_view_count,"
                + " batch_time FROM " + KEYSPACE + "." + LambdaSchema.STREAM_ACTIVITY)) {
            String prefix = writtenAfter(row, committedBatch) ? "previous_" : "";
            if (writtenBefore(row, viewsSince) || row.isNull(prefix + "purchase_count")) {
                continue; // counted by a run that was reset, or the row did not exist before that batch
            }
            ProductHour key = key(row);
            state.add(new Tuple2<>(key, new HourAggregate(row.getLong(prefix + "purchase_count"),
                    row.getLong(prefix + "add_to_cart_count"), row.getLong(prefix + "page_view_count"),
                    sketches.getOrDefault(key, new byte[0]))));
        }
        return state;
    }

    /** Whether a view row was last written by a batch after the committed one (rows of older versions say nothing: no). */
    private static boolean writtenAfter(Row row, Instant committedBatch) {
        Instant written = row.getInstant("batch_time");
        return written != null && committedBatch != null && written.isAfter(committedBatch);
    }

    private static boolean writtenBefore(Row row, Instant viewsSince) {
        Instant written = row.getInstant("batch_time");
        return written != null && viewsSince != null && written.isBefore(viewsSince);
    }

    private static String insert(String table, String columns) {
        String placeholders = String.join(", ", Collections.nCopies(columns.split(",").length, "?"));
        return "INSERT INTO " + KEYSPACE + "." + table + " (" + columns + ") VALUES (" + placeholders + ")";
    }

    private static ProductHour key(Row row) {
        return new ProductHour(row.getString("product"), row.getLong("timestamp_hour"));
    }

    /** A blob's bytes: exercise 07.sketch-blob's reference solution. */
    private static byte[] toBytes(ByteBuffer buffer) {
        return BLOB.bytes(buffer);
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
