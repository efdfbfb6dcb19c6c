package lambdalab.exercises.kappa;

import java.util.Map;
import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.kappa.SwitchCondition;

/**
 * Exercise 10.switch-rule (note 10, "Kappa"): when readers may switch to a new version. Run
 * SwitchConditionExerciseTest to check it; the hints are in the note, the solution in the shared jar
 * (SwitchConditionSolution).
 */
public class SwitchConditionExercise implements SwitchCondition {

    @Override
    public boolean maySwitch(Map<Integer, Long> topicEnd, Map<Integer, Long> earliest, Map<Integer, Long> committed,
                             long maxLag) {
        throw new MissingSolutionException();
    }
}
