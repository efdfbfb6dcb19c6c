package lambdalab.exercises.lambdaplus;

import lambdalab.course.exercises.Exercises;
import lambdalab.exercises.ExerciseTest;
import org.junit.jupiter.api.Test;

class TimeBucketingExerciseTest {

    @Test
    void filesAReadingUnderItsBucket() {
        ExerciseTest.check(Exercises.TIME_BUCKET, new TimeBucketingExercise());
    }
}
