package lambdalab.exercises.lambdaplus;

import lambdalab.course.exercises.Exercises;
import lambdalab.exercises.ExerciseTest;
import org.junit.jupiter.api.Test;

class CorrectionCutoffExerciseTest {

    @Test
    void stopsTheCorrectionAtTheHorizonsBucket() {
        ExerciseTest.check(Exercises.CORRECTION_CUTOFF, new CorrectionCutoffExercise());
    }
}
