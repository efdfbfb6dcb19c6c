package lambdalab.course.exercises.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lambdalab.course.exercises.ExerciseChecks;
import lambdalab.course.exercises.Exercises;
import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.WrongAnswer;
import lambdalab.course.serving.ServedRow;
import lambdalab.course.serving.ServedTotal;
import org.junit.jupiter.api.Test;

/** Exercise 08.sketch-totals: the solution passes, each usual mistake fails with its diagnosis. */
class ServedTotalsCheckTest {

    private static final ServedTotals SOLUTION = new ServedTotalsSolution();

    @Test
    void theSolutionPassesAndAMissingOneFallsBackToIt() {
        assertThat(ExerciseChecks.run(Exercises.SKETCH_TOTALS, SOLUTION, "ide"))
                .startsWith("solved: ").contains("served hours of one product, both layers");
        assertThat(ExerciseChecks.run(Exercises.SKETCH_TOTALS, (product, rows) -> {
            throw new MissingSolutionException();
        }, "ide")).startsWith("not attempted yet: the reference solution ran");
    }

    @Test
    void theSumOfTheHourlyEstimatesIsNamed() {
        assertWrong((product, rows) -> withVisitors(SOLUTION.total(product, rows),
                rows.stream().mapToLong(ServedRow::uniqueVisitors).sum()), "the sum of the hourly estimates");
    }

    @Test
    void theLargestHourIsNamed() {
        assertWrong((product, rows) -> withVisitors(SOLUTION.total(product, rows),
                rows.stream().mapToLong(ServedRow::uniqueVisitors).max().orElse(0)), "the largest hour's estimate");
    }

    @Test
    void wrongCountsAreNamed() {
        assertWrong((product, rows) -> {
            ServedTotal right = SOLUTION.total(product, rows);
            return new ServedTotal(product, right.hours(), right.purchaseCount(), right.addToCartCount(), 0,
                    right.uniqueVisitors());
        }, "each count summed over them");
    }

    private static ServedTotal withVisitors(ServedTotal total, long visitors) {
        return new ServedTotal(total.product(), total.hours(), total.purchaseCount(), total.addToCartCount(),
                total.pageViewCount(), visitors);
    }

    private static void assertWrong(ServedTotals attempt, String diagnosis) {
        assertThatThrownBy(() -> ExerciseChecks.run(Exercises.SKETCH_TOTALS, attempt, "ide"))
                .isInstanceOf(WrongAnswer.class).hasMessageContaining(diagnosis);
    }
}
