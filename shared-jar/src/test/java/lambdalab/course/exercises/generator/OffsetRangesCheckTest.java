package lambdalab.course.exercises.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lambdalab.course.exercises.ExerciseChecks;
import lambdalab.course.exercises.Exercises;
import lambdalab.course.exercises.WrongAnswer;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.junit.jupiter.api.Test;

/** Exercise 02.offset-ranges: the solution passes, each usual mistake fails with its diagnosis. */
class OffsetRangesCheckTest {

    @Test
    void theSolutionPasses() {
        assertThat(ExerciseChecks.run(Exercises.OFFSET_RANGES, new OffsetRangesSolution(), "ide"))
                .startsWith("solved: 1,240 records in 3 partitions");
    }

    @Test
    void startingOneLateIsNamedAsTheOriginalCoursesBug() {
        assertWrong((topic, before, after) -> after.entrySet().stream().map(end -> OffsetRange.create(topic, end.getKey(),
                before.getOrDefault(end.getKey(), -1L) + 1, end.getValue())).toArray(OffsetRange[]::new),
                "one record late");
    }

    @Test
    void anInclusiveEndIsNamed() {
        assertWrong((topic, before, after) -> after.entrySet().stream().map(end -> OffsetRange.create(topic, end.getKey(),
                before.getOrDefault(end.getKey(), 0L), end.getValue() - 1)).toArray(OffsetRange[]::new),
                "untilOffset is exclusive");
    }

    @Test
    void readingFromTheBeginningIsNamed() {
        assertWrong((topic, before, after) -> after.entrySet().stream().map(end -> OffsetRange.create(topic, end.getKey(),
                0L, end.getValue())).toArray(OffsetRange[]::new), "reads every earlier record of the topic again");
    }

    @Test
    void aPartitionCreatedInBetweenIsNamed() {
        assertWrong((topic, before, after) -> before.entrySet().stream().map(start -> OffsetRange.create(topic,
                start.getKey(), start.getValue(), after.get(start.getKey()))).toArray(OffsetRange[]::new),
                "no range for partition 3, which was created between the snapshots");
    }

    private static void assertWrong(OffsetRanges attempt, String diagnosis) {
        assertThatThrownBy(() -> ExerciseChecks.run(Exercises.OFFSET_RANGES, attempt, "ide"))
                .isInstanceOf(WrongAnswer.class).hasMessageContaining(diagnosis);
    }
}
