package lambdalab.course.kappa;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import lambdalab.course.clickstream.Action;
import lambdalab.course.exercises.kappa.BatchUpsert;
import lambdalab.course.exercises.kappa.BatchUpsertSolution;
import lambdalab.course.sketches.VisitorSketches;
import lambdalab.course.speed.HourAggregate;
import org.apache.spark.api.java.function.FlatMapGroupsWithStateFunction;
import org.apache.spark.sql.streaming.GroupState;
import scala.Tuple2;

/**
 * The Kappa job's state function per (product, hour): a micro-batch's events of the group, counted
 * as {@code ViewAggregation} counts them (one count per action, a visitors sketch built exactly as
 * {@code hll_sketch_agg(visitor, 12)} builds it), merged into the group's state as the Lambda speed
 * layer merges ({@link HourAggregate#plus}: counts add, sketches unite), and returned WHOLE (exercise
 * 10.batch-upsert).
 *
 * <p>Why a state function rather than Spark's built-in streaming aggregation: the built-in one drops
 * the events of closed hours without a trace, and the course counts them ({@link LateRule}). Spark
 * hands late events to a state function unless its timeout is event-time based, so the groups time
 * out on processing time, and only a closed hour's state is let go.
 */
final class HourGroupUpdate implements FlatMapGroupsWithStateFunction<Tuple2<String, Long>, KappaEvent, HourAggregate,
        KappaRow> {

    /** Exercise 10.batch-upsert: the group's whole aggregate, its state and its row. */
    private static final BatchUpsert UPSERT = new BatchUpsertSolution();

    private final long idleTimeoutMs;

    /** @param idleTimeout how long a group's state waits without events before its hour is checked for closing */
    HourGroupUpdate(Duration idleTimeout) {
        this.idleTimeoutMs = idleTimeout.toMillis();
    }

    @Override
    public Iterator<KappaRow> call(Tuple2<String, Long> key, Iterator<KappaEvent> events, GroupState<HourAggregate> state) {
        String product = key._1();
        long hour = key._2();
        boolean closed = LateRule.closed(hour, state.getCurrentWatermarkMs());
        if (state.hasTimedOut()) {
            return timedOut(closed, state);
        }
        HourAggregate batch = aggregate(events);
        if (closed) {
            state.remove(); // the hour's row is final: its state is no longer needed
            return List.of(KappaRow.late(product, hour, batch.events())).iterator();
        }
        HourAggregate merged = UPSERT.rowToWrite(state.exists() ? Optional.of(state.get()) : Optional.empty(), batch);
        state.update(merged);
        state.setTimeoutDuration(idleTimeoutMs);
        return List.of(KappaRow.aggregate(product, hour, merged)).iterator();
    }

    private Iterator<KappaRow> timedOut(boolean closed, GroupState<HourAggregate> state) {
        if (closed) {
            state.remove();
        } else {
            state.update(state.get()); // still open: keep it and look again later
            state.setTimeoutDuration(idleTimeoutMs);
        }
        return Collections.emptyIterator();
    }

    /** The batch's events of one group: the three action counts and the visitors' sketch. */
    static HourAggregate aggregate(Iterator<KappaEvent> events) {
        long purchases = 0;
        long addToCarts = 0;
        long pageViews = 0;
        List<String> visitors = new ArrayList<>();
        while (events.hasNext()) {
            KappaEvent event = events.next();
            Action action = Action.fromWire(event.getAction()).orElseThrow(() ->
                    new IllegalStateException("the codec let an unknown action through: " + event.getAction()));
            switch (action) {
                case PURCHASE -> purchases++;
                case ADD_TO_CART -> addToCarts++;
                case PAGE_VIEW -> pageViews++;
            }
            visitors.add(event.getVisitor());
        }
        return new HourAggregate(purchases, addToCarts, pageViews, VisitorSketches.of(visitors));
    }
}
