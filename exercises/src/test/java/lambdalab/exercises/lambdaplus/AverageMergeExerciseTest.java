package lambdalab.exercises.lambdaplus;

import lambdalab.course.exercises.Exercises;
import lambdalab.exercises.ExerciseTest;
import org.junit.jupiter.api.Test;

class AverageMergeExerciseTest {

    @Test
    void averagesSeveralBucketsReadings() {
        ExerciseTest.check(Exercises.MERGEABLE_AVERAGE, new AverageMergeExercise());
    }
}
