package lambdalab.course.exercises.lambdaplus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lambdalab.course.exercises.ExerciseChecks;
import lambdalab.course.exercises.Exercises;
import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.WrongAnswer;
import org.junit.jupiter.api.Test;

/** Exercise 09.time-bucket: the solution passes, each usual mistake fails with its diagnosis. */
class TimeBucketingCheckTest {

    @Test
    void theSolutionPassesAndAMissingOneFallsBackToIt() {
        assertThat(ExerciseChecks.run(Exercises.TIME_BUCKET, new TimeBucketingSolution(), "ide")).startsWith("solved: ");
        assertThat(ExerciseChecks.run(Exercises.TIME_BUCKET, ts -> {
            throw new MissingSolutionException();
        }, "ide")).startsWith("not attempted yet: the reference solution ran");
    }

    @Test
    void theBucketsNumberIsNamed() {
        assertWrong(ts -> ts / 100, "that is the bucket's number");
    }

    @Test
    void roundingToTheNearestIsNamed() {
        assertWrong(ts -> Math.round(ts / 100.0) * 100, "it went to the next bucket");
    }

    @Test
    void secondsAreNamed() {
        assertWrong(ts -> ts / 1000 * 1000, "those are buckets of a second");
    }

    private static void assertWrong(TimeBucketing attempt, String diagnosis) {
        assertThatThrownBy(() -> ExerciseChecks.run(Exercises.TIME_BUCKET, attempt, "ide"))
                .isInstanceOf(WrongAnswer.class).hasMessageContaining(diagnosis);
    }
}
