package lambdalab.exercises.streaming;

import lambdalab.course.exercises.Exercises;
import lambdalab.exercises.ExerciseTest;
import org.junit.jupiter.api.Test;

class WindowInverseExerciseTest {

    @Test
    void takesTheLeavingBatchOutOfTheWindow() {
        ExerciseTest.check(Exercises.WINDOW_INVERSE, new WindowInverseExercise());
    }
}
