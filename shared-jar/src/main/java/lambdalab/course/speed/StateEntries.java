package lambdalab.course.speed;

import static lambdalab.course.views.LambdaSchema.KEYSPACE;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import lambdalab.course.LabEndpoints;
import lambdalab.course.clickstream.ProductHour;
import lambdalab.course.serving.Layer;
import lambdalab.course.serving.ViewReader;
import lambdalab.course.views.LambdaSchema;

/**
 * What a (product, hour) starts from when it enters the speed layer's state: nothing for a new
 * group, or its stream view row for a group whose state timed out and that receives a late event.
 * Starting a timed-out group from zero would overwrite its row with the late events alone.
 *
 * <p>The row is taken as it was before the batch that asks, which a row can always tell: the
 * columns of the batch the group entered the state in ({@code entered_*}: Spark recomputes the last
 * batches of state after a restart, and must find the same start again), else its value if it was
 * written before this batch, else its value before it ({@code previous_*}: this batch is replayed).
 * Runs where the state is updated (on the executors), with one session per JVM.
 *
 * <p>A group of an hour newer than every stream row has no row, so it is not looked up: when a
 * simulated hour begins, a whole batch of groups enters the state at once, and their lookups, one
 * after the other in each task, took most of that batch's state step.
 */
final class StateEntries {

    private static final Map<LabEndpoints, StateEntries> PER_JVM = new ConcurrentHashMap<>();

    private final CqlSession session;
    private final PreparedStatement activity;
    private final PreparedStatement visitors;
    private final ViewReader views;
    /** {@link #newestRowHour}'s batch and answer, kept for the rest of that batch's groups. */
    private Instant newestRowHourOf;
    private long newestRowHour;

    private StateEntries(CqlSession session) {
        this.session = session;
        activity = session.prepare("SELECT batch_time, entered_at, purchase_count, add_to_cart_count, page_view_count,"
                + " previous_purchase_count, previous_add_to_cart_count, previous_page_view_count,"
                + " entered_purchase_count, entered_add_to_cart_count, entered_page_view_count FROM " + KEYSPACE + "."
                + LambdaSchema.STREAM_ACTIVITY + " WHERE product = ? AND timestamp_hour = ?");
        visitors = session.prepare("SELECT batch_time, entered_at, visitors_sketch, previous_visitors_sketch,"
                + " entered_visitors_sketch FROM " + KEYSPACE + "." + LambdaSchema.STREAM_VISITORS
                + " WHERE product = ? AND timestamp_hour = ?");
        views = new ViewReader(session);
    }

    static StateEntries on(LabEndpoints endpoints) {
        return PER_JVM.computeIfAbsent(endpoints, e -> new StateEntries(LambdaSchema.openJobSession(e)));
    }

    /** Closes this JVM's sessions (their threads would keep a stopped job's JVM alive). */
    static void closeAll() {
        PER_JVM.values().forEach(entries -> entries.session.close());
        PER_JVM.clear();
    }

    /**
     * The group's stream view row as it was before batch {@code batchTime}, or null when it had
     * none (or one that {@code baseline} does not count).
     */
    HourAggregate before(ProductHour key, Instant batchTime, ViewsBaseline baseline) {
        if (key.timestampHour() > newestRowHour(batchTime)) {
            return null; // what the lookup would find: no row of the group's activity
        }
        return lookUp(key, batchTime, baseline);
    }

    /**
     * The newest hour of any stream view row, read at the first lookup of batch {@code batchTime}
     * in this JVM and kept for the batch's other groups. A batch's state is computed before its own
     * rows are written, so a group of a later hour has no row then. Should Spark compute that batch's
     * state again later in this JVM, the rows the batch wrote meanwhile held nothing before it (a new
     * row's {@code previous_} and {@code entered_} columns are empty), so the answer stays the same.
     */
    private synchronized long newestRowHour(Instant batchTime) {
        if (!batchTime.equals(newestRowHourOf)) {
            newestRowHour = views.newestHour(Layer.STREAM, Optional.empty()).orElse(Long.MIN_VALUE);
            newestRowHourOf = batchTime;
        }
        return newestRowHour;
    }

    /** The row's value before the batch, looked up (see {@link #before}); also the warm-up's lookup. */
    HourAggregate lookUp(ProductHour key, Instant batchTime, ViewsBaseline baseline) {
        CompletionStage<Row> counts = session.executeAsync(activity.bind(key.product(), key.timestampHour()))
                .thenApply(result -> result.one());
        CompletionStage<Row> sketch = session.executeAsync(visitors.bind(key.product(), key.timestampHour()))
                .thenApply(result -> result.one());
        Row countsRow = counts.toCompletableFuture().join();
        Row sketchRow = sketch.toCompletableFuture().join();
        if (countsRow == null) {
            return null;
        }
        String prefix = columnsAsOf(key, batchTime, countsRow.getInstant("batch_time"),
                countsRow.getInstant("entered_at"), baseline);
        if (prefix == null || countsRow.isNull(prefix + "purchase_count")) {
            return null;
        }
        return new HourAggregate(countsRow.getLong(prefix + "purchase_count"),
                countsRow.getLong(prefix + "add_to_cart_count"), countsRow.getLong(prefix + "page_view_count"),
                sketchAsOf(key, sketchRow, batchTime, baseline));
    }

    private static byte[] sketchAsOf(ProductHour key, Row row, Instant batchTime, ViewsBaseline baseline) {
        if (row == null) {
            return new byte[0];
        }
        String prefix = columnsAsOf(key, batchTime, row.getInstant("batch_time"), row.getInstant("entered_at"),
                baseline);
        ByteBuffer sketch = prefix == null ? null : row.getByteBuffer(prefix + "visitors_sketch");
        if (sketch == null) {
            return new byte[0];
        }
        byte[] bytes = new byte[sketch.remaining()];
        sketch.duplicate().get(bytes);
        return bytes;
    }

    /**
     * Which columns of a row hold its value before batch {@code batchTime}: {@code "entered_"},
     * {@code ""} (the current value), {@code "previous_"}, or null when the row does not count.
     *
     * @param writtenAt the batch that last wrote the row (null: a row of an older version of the job)
     * @param enteredAt the batch the group last entered the state in (null: never recorded)
     * @throws IllegalStateException for a row written after {@code batchTime} by a group that entered
     *                               before it: the state lost it within ten batches, which a state
     *                               timeout of at least twenty batches rules out
     */
    static String columnsAsOf(ProductHour key, Instant batchTime, Instant writtenAt, Instant enteredAt,
                              ViewsBaseline baseline) {
        if (writtenAt != null && baseline.countedBeforeAReset(writtenAt)) {
            return null; // its events are read again from the start
        }
        if (batchTime.equals(enteredAt)) {
            return "entered_"; // this batch is recomputed: the same start as the first time
        }
        if (writtenAt != null && (writtenAt.equals(batchTime) || baseline.writtenByAnUncommittedBatch(writtenAt))) {
            return "previous_"; // that batch's events are read again
        }
        if (writtenAt == null || writtenAt.isBefore(batchTime)) {
            return "";
        }
        throw new IllegalStateException("The stream view row of " + key + " was written by batch " + writtenAt
                + ", after batch " + batchTime + " that has no state for it: its value before that batch is unknown");
    }
}
