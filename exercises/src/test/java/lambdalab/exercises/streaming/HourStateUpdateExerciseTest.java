package lambdalab.exercises.streaming;

import lambdalab.course.exercises.Exercises;
import lambdalab.exercises.ExerciseTest;
import org.junit.jupiter.api.Test;

class HourStateUpdateExerciseTest {

    @Test
    void updatesTheStateOnEveryCallMapWithStateMakes() {
        ExerciseTest.check(Exercises.STATE_UPDATE, new HourStateUpdateExercise());
    }
}
