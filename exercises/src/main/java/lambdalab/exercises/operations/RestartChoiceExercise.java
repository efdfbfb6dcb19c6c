package lambdalab.exercises.operations;

import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.operations.RestartChoice;
import lambdalab.course.exercises.operations.RestartFacts;
import lambdalab.course.exercises.operations.RestartSource;

/**
 * Exercise 11.restart-source (note 11, "Operations"): where a restarting speed layer takes its state
 * from. Run RestartChoiceExerciseTest to check it; the hints are in the note, the solution in the
 * shared jar (RestartChoiceSolution).
 */
public class RestartChoiceExercise implements RestartChoice {

    @Override
    public RestartSource choose(RestartFacts facts) {
        throw new MissingSolutionException();
    }
}
