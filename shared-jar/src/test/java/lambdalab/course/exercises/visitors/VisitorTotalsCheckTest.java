package lambdalab.course.exercises.visitors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hll_sketch_estimate;
import static org.apache.spark.sql.functions.hll_union_agg;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lambdalab.course.exercises.ExerciseChecks;
import lambdalab.course.exercises.Exercises;
import lambdalab.course.exercises.LocalSpark;
import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.WrongAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Exercise 05.visitors-over-hours: the solution passes, each usual mistake fails with its diagnosis. */
@ExtendWith(LocalSpark.class)
class VisitorTotalsCheckTest {

    @Test
    void theSolutionPassesAndAMissingOneFallsBackToIt() {
        assertThat(ExerciseChecks.run(Exercises.VISITORS_OVER_HOURS, new VisitorTotalsSolution(), "ide"))
                .startsWith("solved: ").containsPattern("summing the hourly estimates would give \\d+% too many");
        assertThat(ExerciseChecks.run(Exercises.VISITORS_OVER_HOURS, rows -> {
            throw new MissingSolutionException();
        }, "ide")).startsWith("not attempted yet: the reference solution ran");
    }

    @Test
    void theSumOfTheHourlyEstimatesIsNamed() {
        assertWrong(rows -> rows.groupBy("product").agg(sum("unique_visitors").as("unique_visitors")),
                "every one is the sum of its hourly estimates, which counts a visitor who came back");
    }

    @Test
    void theLargestHourIsNamed() {
        assertWrong(rows -> rows.groupBy("product").agg(max("unique_visitors").as("unique_visitors")),
                "every one is its largest hour alone");
    }

    @Test
    void oneRowPerHourIsNamed() {
        assertWrong(rows -> rows.groupBy("product", "timestamp_hour")
                        .agg(hll_sketch_estimate(hll_union_agg(col("visitors_sketch"))).as("unique_visitors")),
                "one row per product, over all the hours given");
    }

    private static void assertWrong(VisitorTotals attempt, String diagnosis) {
        assertThatThrownBy(() -> ExerciseChecks.run(Exercises.VISITORS_OVER_HOURS, attempt, "ide"))
                .isInstanceOf(WrongAnswer.class).hasMessageContaining(diagnosis);
    }
}
