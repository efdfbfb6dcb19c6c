package lambdalab.course.exercises.streaming;

import java.util.function.Supplier;
import lambdalab.course.speed.HourAggregate;
import org.apache.spark.api.java.Optional;
import org.apache.spark.streaming.State;

/**
 * The reference solution of {@link HourStateUpdate}, the speed layer's own. A timing-out group
 * leaves memory and its view row stays as written (Spark refuses an update then). A group in the
 * state adds the batch to it; a group that is not (new, or timed out earlier and now getting a late
 * event) continues from its view row, never from zero: an absolute upsert of the batch alone would
 * overwrite the row's counts with the late events' few.
 */
public final class HourStateUpdateSolution implements HourStateUpdate {

    @Override
    public Optional<HourAggregate> update(Optional<HourAggregate> batch, State<HourAggregate> state,
                                          Supplier<HourAggregate> rowBeforeBatch) {
        if (state.isTimingOut() || !batch.isPresent()) {
            return Optional.empty();
        }
        HourAggregate previous = state.exists() ? state.get() : rowBeforeBatch.get();
        HourAggregate merged = previous == null ? batch.get() : previous.plus(batch.get());
        state.update(merged);
        return Optional.of(merged);
    }
}
