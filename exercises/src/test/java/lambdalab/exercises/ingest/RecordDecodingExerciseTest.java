package lambdalab.exercises.ingest;

import lambdalab.course.exercises.Exercises;
import lambdalab.exercises.ExerciseTest;
import org.junit.jupiter.api.Test;

class RecordDecodingExerciseTest {

    @Test
    void decodesOrKeepsADeadLetter() {
        ExerciseTest.check(Exercises.DEAD_LETTERS, new RecordDecodingExercise());
    }
}
