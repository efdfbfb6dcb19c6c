package lambdalab.exercises.batch;

import lambdalab.course.exercises.Exercises;
import lambdalab.exercises.ExerciseTest;
import org.junit.jupiter.api.Test;

class RawDatasetLayoutExerciseTest {

    @Test
    void laysTheRawDatasetOutInHourFolders() {
        ExerciseTest.check(Exercises.RAW_LAYOUT, new RawDatasetLayoutExercise());
    }
}
