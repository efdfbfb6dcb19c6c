package lambdalab.course.speed;

import java.time.Instant;
import lambdalab.course.LabEndpoints;
import lambdalab.course.clickstream.ProductHour;
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
        if (state.isTimingOut() || !batch.isPresent()) {
            return Optional.empty(); // a timed-out group leaves memory; its view row stays as written
        }
        boolean entering = !state.exists();
        HourAggregate previous = entering ? entry(key, time) : state.get();
        HourAggregate merged = previous == null ? batch.get() : previous.plus(batch.get());
        state.update(merged);
        return Optional.of(new ChangedRow(key, merged, previous, entering));
    }

    private HourAggregate entry(ProductHour key, Time time) {
        return viewsWritten
                ? StateEntries.on(endpoints).before(key, Instant.ofEpochMilli(time.milliseconds()), baseline)
                : null;
    }
}
