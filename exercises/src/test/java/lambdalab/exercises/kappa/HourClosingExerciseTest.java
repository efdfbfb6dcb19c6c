package lambdalab.exercises.kappa;

import lambdalab.course.exercises.Exercises;
import lambdalab.exercises.ExerciseTest;
import org.junit.jupiter.api.Test;

class HourClosingExerciseTest {

    @Test
    void closesAnHourAtItsEnd() {
        ExerciseTest.check(Exercises.WATERMARK, new HourClosingExercise());
    }
}
