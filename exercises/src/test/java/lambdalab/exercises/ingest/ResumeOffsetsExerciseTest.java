package lambdalab.exercises.ingest;

import lambdalab.course.exercises.Exercises;
import lambdalab.exercises.ExerciseTest;
import org.junit.jupiter.api.Test;

class ResumeOffsetsExerciseTest {

    @Test
    void resumesWhereTheLastBatchEnded() {
        ExerciseTest.check(Exercises.RESUME_OFFSETS, new ResumeOffsetsExercise());
    }
}
