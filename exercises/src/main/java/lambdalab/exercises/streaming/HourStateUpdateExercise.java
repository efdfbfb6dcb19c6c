package lambdalab.exercises.streaming;

import java.util.function.Supplier;
import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.streaming.HourStateUpdate;
import lambdalab.course.speed.HourAggregate;
import org.apache.spark.api.java.Optional;
import org.apache.spark.streaming.State;

/**
 * Exercise 04.state-update (note 04, "Spark Streaming"): the speed layer's mapWithState update for
 * one (product, hour), the timeout call and a late event after a timeout included. Run
 * HourStateUpdateExerciseTest to check it; the solution is HourStateUpdateSolution in the shared jar.
 */
public class HourStateUpdateExercise implements HourStateUpdate {

    @Override
    public Optional<HourAggregate> update(Optional<HourAggregate> batch, State<HourAggregate> state,
                                          Supplier<HourAggregate> rowBeforeBatch) {
        throw new MissingSolutionException();
    }
}
