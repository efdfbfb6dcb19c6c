package lambdalab.exercises.cassandra;

import lambdalab.course.exercises.Exercises;
import lambdalab.exercises.ExerciseTest;
import org.junit.jupiter.api.Test;

class SketchBlobExerciseTest {

    @Test
    void readsASketchOutOfABlob() {
        ExerciseTest.check(Exercises.SKETCH_BLOB, new SketchBlobExercise());
    }
}
