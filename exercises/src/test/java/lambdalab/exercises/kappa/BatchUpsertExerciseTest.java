package lambdalab.exercises.kappa;

import lambdalab.course.exercises.Exercises;
import lambdalab.exercises.ExerciseTest;
import org.junit.jupiter.api.Test;

class BatchUpsertExerciseTest {

    @Test
    void writesTheGroupsWholeAggregate() {
        ExerciseTest.check(Exercises.BATCH_UPSERT, new BatchUpsertExercise());
    }
}
