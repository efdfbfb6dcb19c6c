package lambdalab.course.exercises.streaming;

import java.io.Serializable;
import java.util.function.Supplier;
import lambdalab.course.speed.HourAggregate;
import org.apache.spark.api.java.Optional;
import org.apache.spark.streaming.State;

/**
 * Exercise 04.state-update: the speed layer's state update, which {@code mapWithState} calls for
 * each (product, hour) of a batch, and once more, without a batch value, when a group times out.
 *
 * <p>Given this batch's aggregate of the group ({@code batch}: empty on the timeout call), its
 * state ({@code state.exists()} while it is in memory, {@code state.isTimingOut()} on the call that
 * removes it) and its view row as it was before this batch ({@code rowBeforeBatch}: null when it
 * has none; reading it costs a Cassandra query, so only when needed), update the state and return
 * the group's new value for the views, or empty when there is nothing to write.
 */
@FunctionalInterface
public interface HourStateUpdate extends Serializable {

    Optional<HourAggregate> update(Optional<HourAggregate> batch, State<HourAggregate> state,
                                   Supplier<HourAggregate> rowBeforeBatch);
}
