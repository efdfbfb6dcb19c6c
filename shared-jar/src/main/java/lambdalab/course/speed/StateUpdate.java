package lambdalab.course.speed;

import java.time.Instant;
import java.util.function.Supplier;
import lambdalab.course.LabEndpoints;
import lambdalab.course.clickstream.ProductHour;
import lambdalab.course.exercises.streaming.HourStateUpdate;
import lambdalab.course.exercises.streaming.HourStateUpdateSolution;
import org.apache.spark.api.java.Optional;
import org.apache.spark.api.java.function.Function4;
import org.apache.spark.streaming.State;
import org.apache.spark.streaming.Time;

/**
 * The state update of one (product, hour) per batch: the batch's aggregate merged into its state.
 * A group without state enters it from its view row as it was before the batch ({@link
 * StateEntries}), so a group whose state timed out (idle for the timeout: it leaves memory, its row
 * stays) continues from its row when a late event arrives instead of starting from zero.
 *
 * <p>Serialized into the checkpoint with the job, so it keeps the {@link ViewsBaseline} of the run
 * that created it.
 */
final class StateUpdate implements Function4<Time, ProductHour, Optional<HourAggregate>, State<HourAggregate>,
        Optional<ChangedRow>> {

    /** The update rule itself: exercise 04.state-update's reference solution. */
    private static final HourStateUpdate RULE = new HourStateUpdateSolution();

    private final LabEndpoints endpoints;
    private final ViewsBaseline baseline;
    private final boolean viewsWritten;

    /**
     * @param viewsWritten false for a run that writes no views (the benchmark's reference): nothing
     *                     to enter from
     */
    StateUpdate(LabEndpoints endpoints, ViewsBaseline baseline, boolean viewsWritten) {
        this.endpoints = endpoints;
        this.baseline = baseline;
        this.viewsWritten = viewsWritten;
    }

    @Override
    public Optional<ChangedRow> call(Time time, ProductHour key, Optional<HourAggregate> batch,
                                     State<HourAggregate> state) {
        boolean entering = !state.exists();
        HourAggregate inState = entering ? null : state.get();
        EntryRow row = new EntryRow(() -> entry(key, time));
        Optional<HourAggregate> merged = RULE.update(batch, state, row);
        if (!merged.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new ChangedRow(key, merged.get(), entering ? row.get() : inState, entering));
    }

    /** The view row a group enters the state from: looked up once, and only if the rule asks for it. */
    private static final class EntryRow implements Supplier<HourAggregate> {
        private final Supplier<HourAggregate> lookup;
        private boolean looked;
        private HourAggregate row;

        EntryRow(Supplier<HourAggregate> lookup) {
            this.lookup = lookup;
        }

        @Override
        public HourAggregate get() {
            if (!looked) {
                row = lookup.get();
                looked = true;
            }
            return row;
        }
    }

    private HourAggregate entry(ProductHour key, Time time) {
        return viewsWritten
                ? StateEntries.on(endpoints).before(key, Instant.ofEpochMilli(time.milliseconds()), baseline)
                : null;
    }
}
