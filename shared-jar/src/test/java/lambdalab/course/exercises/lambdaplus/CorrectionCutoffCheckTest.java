package lambdalab.course.exercises.lambdaplus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lambdalab.course.exercises.ExerciseChecks;
import lambdalab.course.exercises.Exercises;
import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.WrongAnswer;
import lambdalab.course.lambdaplus.TimeBuckets;
import org.junit.jupiter.api.Test;

/** Exercise 09.correction-cutoff: the solution passes, each usual mistake fails with its diagnosis. */
class CorrectionCutoffCheckTest {

    @Test
    void theSolutionPassesAndAMissingOneFallsBackToIt() {
        assertThat(ExerciseChecks.run(Exercises.CORRECTION_CUTOFF, new CorrectionCutoffSolution(), "ide"))
                .startsWith("solved: ");
        assertThat(ExerciseChecks.run(Exercises.CORRECTION_CUTOFF, (now, horizon) -> {
            throw new MissingSolutionException();
        }, "ide")).startsWith("not attempted yet: the reference solution ran");
    }

    @Test
    void aCutoffInsideABucketIsNamed() {
        assertWrong((now, horizon) -> now - horizon, "that cuts a bucket in two");
    }

    @Test
    void roundingUpIsNamed() {
        assertWrong((now, horizon) -> TimeBuckets.bucketOf(now - horizon) + 100, "rounded up");
    }

    @Test
    void ignoringTheHorizonIsNamed() {
        assertWrong((now, horizon) -> TimeBuckets.bucketOf(now), "that ignores the horizon");
    }

    private static void assertWrong(CorrectionCutoff attempt, String diagnosis) {
        assertThatThrownBy(() -> ExerciseChecks.run(Exercises.CORRECTION_CUTOFF, attempt, "ide"))
                .isInstanceOf(WrongAnswer.class).hasMessageContaining(diagnosis);
    }
}
