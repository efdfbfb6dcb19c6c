package lambdalab.exercises.batch;

import lambdalab.course.exercises.Exercises;
import lambdalab.exercises.ExerciseTest;
import org.junit.jupiter.api.Test;

class ActionCountingExerciseTest {

    @Test
    void countsEachActionPerProductAndHour() {
        ExerciseTest.check(Exercises.ACTION_COUNTS, new ActionCountingExercise());
    }
}
