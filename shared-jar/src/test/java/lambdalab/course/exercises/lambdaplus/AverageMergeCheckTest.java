package lambdalab.course.exercises.lambdaplus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lambdalab.course.exercises.ExerciseChecks;
import lambdalab.course.exercises.Exercises;
import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.WrongAnswer;
import lambdalab.course.lambdaplus.Rollup;
import org.junit.jupiter.api.Test;

/** Exercise 09.mergeable-average: the solution passes, each usual mistake fails with its diagnosis. */
class AverageMergeCheckTest {

    @Test
    void theSolutionPassesAndAMissingOneFallsBackToIt() {
        assertThat(ExerciseChecks.run(Exercises.MERGEABLE_AVERAGE, new AverageMergeSolution(), "ide"))
                .startsWith("solved: ");
        assertThat(ExerciseChecks.run(Exercises.MERGEABLE_AVERAGE, buckets -> {
            throw new MissingSolutionException();
        }, "ide")).startsWith("not attempted yet: the reference solution ran");
    }

    @Test
    void theAverageOfAveragesIsNamed() {
        assertWrong(buckets -> buckets.stream().filter(b -> !b.isEmpty()).mapToDouble(Rollup::avg).average()
                .orElse(Double.NaN), "the average of the buckets' averages");
    }

    @Test
    void dividingByTheBucketsIsNamed() {
        assertWrong(buckets -> buckets.stream().mapToDouble(Rollup::sum).sum() / buckets.size(),
                "divided by the number of buckets");
    }

    @Test
    void microUnitsAreNamed() {
        assertWrong(buckets -> (double) buckets.stream().mapToLong(Rollup::sumMicros).sum()
                / buckets.stream().mapToLong(Rollup::count).sum(), "micro-units");
    }

    @Test
    void anIntegerDivisionOnAnEmptySecondIsNamed() {
        assertWrong(buckets -> (double) (buckets.stream().mapToLong(Rollup::sumMicros).sum()
                / buckets.stream().mapToLong(Rollup::count).sum()) / Rollup.MICROS, "return Double.NaN");
    }

    private static void assertWrong(AverageMerge attempt, String diagnosis) {
        assertThatThrownBy(() -> ExerciseChecks.run(Exercises.MERGEABLE_AVERAGE, attempt, "ide"))
                .isInstanceOf(WrongAnswer.class).hasMessageContaining(diagnosis);
    }
}
