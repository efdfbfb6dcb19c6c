package lambdalab.exercises.kappa;

import lambdalab.course.exercises.Exercises;
import lambdalab.exercises.ExerciseTest;
import org.junit.jupiter.api.Test;

class SwitchConditionExerciseTest {

    @Test
    void switchesOnceCaughtUpWithinTheAllowance() {
        ExerciseTest.check(Exercises.SWITCH_RULE, new SwitchConditionExercise());
    }
}
