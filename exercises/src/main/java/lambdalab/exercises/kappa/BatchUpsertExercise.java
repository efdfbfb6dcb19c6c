package lambdalab.exercises.kappa;

import java.util.Optional;
import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.kappa.BatchUpsert;
import lambdalab.course.speed.HourAggregate;

/**
 * Exercise 10.batch-upsert (note 10, "Kappa"): the row a micro-batch upserts for one (product, hour).
 * Run BatchUpsertExerciseTest to check it; the hints are in the note, the solution in the shared jar
 * (BatchUpsertSolution).
 */
public class BatchUpsertExercise implements BatchUpsert {

    @Override
    public HourAggregate rowToWrite(Optional<HourAggregate> before, HourAggregate batch) {
        throw new MissingSolutionException();
    }
}
