package lambdalab.course.exercises.visitors;

import static org.apache.spark.sql.functions.approx_count_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.hll_sketch_agg;
import static org.apache.spark.sql.functions.hll_sketch_estimate;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lambdalab.course.exercises.ExerciseChecks;
import lambdalab.course.exercises.Exercises;
import lambdalab.course.exercises.LocalSpark;
import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.WrongAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Exercise 05.visitor-sketches: the solution passes, each usual mistake fails with its diagnosis. */
@ExtendWith(LocalSpark.class)
class VisitorSketchingCheckTest {

    @Test
    void theSolutionPassesAndAMissingOneFallsBackToIt() {
        assertThat(ExerciseChecks.run(Exercises.VISITOR_SKETCHES, new VisitorSketchingSolution(), "ide"))
                .startsWith("solved: ").contains("lgK 12 sketches whose estimates are within the sketch's error");
        assertThat(ExerciseChecks.run(Exercises.VISITOR_SKETCHES, events -> {
            throw new MissingSolutionException();
        }, "ide")).startsWith("not attempted yet: the reference solution ran");
    }

    @Test
    void aNumberInsteadOfASketchIsNamed() {
        assertWrong(events -> events.groupBy("product", "timestamp_hour").agg(
                        approx_count_distinct("visitor").as("visitors_sketch"), approx_count_distinct("visitor").as("unique_visitors")),
                "`visitors_sketch` is a bigint, not the sketch's bytes");
        assertWrong(events -> events.groupBy("product", "timestamp_hour").agg(
                        approx_count_distinct("visitor").as("unique_visitors")),
                "a view keeps the sketch itself, approx_count_distinct gives only a number");
    }

    @Test
    void anotherLgKIsNamed() {
        assertWrong(events -> events.groupBy("product", "timestamp_hour").agg(hll_sketch_agg(col("visitor"), 8).as("visitors_sketch"))
                        .withColumn("unique_visitors", hll_sketch_estimate(col("visitors_sketch"))),
                "the sketches have lgK 8, the views' have 12");
    }

    @Test
    void countingEventsIsNamed() {
        assertWrong(events -> new VisitorSketchingSolution().sketchVisitors(events).drop("unique_visitors")
                        .join(events.groupBy("product", "timestamp_hour").agg(count(lit(1)).as("unique_visitors")),
                                new String[] {"product", "timestamp_hour"}),
                "`unique_visitors` counts the events of each group");
    }

    @Test
    void aNumberThatIsNotTheSketchesIsNamed() {
        assertWrong(events -> new VisitorSketchingSolution().sketchVisitors(events).drop("unique_visitors")
                        .join(events.groupBy("product", "timestamp_hour").agg(countDistinct("page").as("unique_visitors")),
                                new String[] {"product", "timestamp_hour"}),
                "read it from the sketch (hll_sketch_estimate)");
    }

    @Test
    void sketchingAnotherColumnIsNamed() {
        assertWrong(events -> events.groupBy("product", "timestamp_hour").agg(hll_sketch_agg(col("page"), 12).as("visitors_sketch"))
                        .withColumn("unique_visitors", hll_sketch_estimate(col("visitors_sketch"))),
                "sketch the `visitor` column");
    }

    @Test
    void groupingByProductOnlyIsNamed() {
        assertWrong(events -> events.groupBy("product").agg(lit(0L).as("timestamp_hour"),
                        hll_sketch_agg(col("visitor"), 12).as("visitors_sketch"))
                        .withColumn("unique_visitors", hll_sketch_estimate(col("visitors_sketch"))),
                "one row per (product, timestamp_hour)");
    }

    private static void assertWrong(VisitorSketching attempt, String diagnosis) {
        assertThatThrownBy(() -> ExerciseChecks.run(Exercises.VISITOR_SKETCHES, attempt, "ide"))
                .isInstanceOf(WrongAnswer.class).hasMessageContaining(diagnosis);
    }
}
