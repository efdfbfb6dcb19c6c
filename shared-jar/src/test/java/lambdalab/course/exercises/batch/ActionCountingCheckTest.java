package lambdalab.course.exercises.batch;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lambdalab.course.exercises.ExerciseChecks;
import lambdalab.course.exercises.Exercises;
import lambdalab.course.exercises.LocalSpark;
import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.WrongAnswer;
import org.apache.spark.sql.Column;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Exercise 03.action-counts: the solution passes, each usual mistake fails with its diagnosis. */
@ExtendWith(LocalSpark.class)
class ActionCountingCheckTest {

    @Test
    void theSolutionPassesAndAMissingOneFallsBackToIt() {
        assertThat(ExerciseChecks.run(Exercises.ACTION_COUNTS, new ActionCountingSolution(), "ide"))
                .startsWith("solved: ").contains("rows equal the exact counts of 30,000 events");
        assertThat(ExerciseChecks.run(Exercises.ACTION_COUNTS, events -> {
            throw new MissingSolutionException();
        }, "ide")).startsWith("not attempted yet: the reference solution ran");
    }

    @Test
    void countingEveryRowIsNamed() {
        assertWrong(events -> events.groupBy("product", "timestamp_hour").agg(count(lit(1)).as("purchase_count"),
                        count(lit(1)).as("add_to_cart_count"), count(lit(1)).as("page_view_count")),
                "every count equals the group's number of events");
    }

    @Test
    void aSumOfWhenWithoutOtherwiseIsNamed() {
        assertWrong(events -> events.groupBy("product", "timestamp_hour").agg(noOtherwise("purchase").as("purchase_count"),
                        noOtherwise("add_to_cart").as("add_to_cart_count"), noOtherwise("page_view").as("page_view_count")),
                "without `.otherwise(0)`");
    }

    @Test
    void groupingByProductOnlyIsNamed() {
        assertWrong(events -> new ActionCountingSolution().countActions(events)
                        .groupBy("product").agg(lit(0L).as("timestamp_hour"), sum("purchase_count").as("purchase_count"),
                                sum("add_to_cart_count").as("add_to_cart_count"), sum("page_view_count").as("page_view_count")),
                "group by timestamp_hour as well as product");
    }

    @Test
    void groupingByTheActionTooIsNamed() {
        assertWrong(events -> events.groupBy("product", "timestamp_hour", "action").agg(
                        ActionCountingSolution.countOf("purchase").as("purchase_count"),
                        ActionCountingSolution.countOf("add_to_cart").as("add_to_cart_count"),
                        ActionCountingSolution.countOf("page_view").as("page_view_count")),
                "not by the action too");
    }

    @Test
    void swappedColumnsAreNamed() {
        assertWrong(events -> events.groupBy("product", "timestamp_hour").agg(
                        ActionCountingSolution.countOf("add_to_cart").as("purchase_count"),
                        ActionCountingSolution.countOf("purchase").as("add_to_cart_count"),
                        ActionCountingSolution.countOf("page_view").as("page_view_count")),
                "`purchase_count` holds the add_to_cart_count of every group: the columns are swapped");
    }

    @Test
    void eventsCountedTwiceAreNamed() {
        assertWrong(events -> new ActionCountingSolution().countActions(events.union(events)),
                "every count is exactly twice the truth");
    }

    @Test
    void aMissingColumnIsNamed() {
        assertWrong(events -> new ActionCountingSolution().countActions(events).withColumnRenamed("page_view_count", "views"),
                "the result has no column `page_view_count`");
    }

    private static Column noOtherwise(String action) {
        return sum(when(col("action").equalTo(action), 1L));
    }

    private static void assertWrong(ActionCounting attempt, String diagnosis) {
        assertThatThrownBy(() -> ExerciseChecks.run(Exercises.ACTION_COUNTS, attempt, "ide"))
                .isInstanceOf(WrongAnswer.class).hasMessageContaining(diagnosis);
    }
}
