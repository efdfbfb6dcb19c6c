package lambdalab.course.exercises.batch;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lambdalab.course.exercises.ExerciseChecks;
import lambdalab.course.exercises.Exercises;
import lambdalab.course.exercises.LocalSpark;
import lambdalab.course.exercises.WrongAnswer;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Exercise 03.raw-layout: the solution passes, each usual mistake fails with its diagnosis. */
@ExtendWith(LocalSpark.class)
class RawDatasetLayoutCheckTest {

    @Test
    void theSolutionPasses() {
        assertThat(ExerciseChecks.run(Exercises.RAW_LAYOUT, new RawDatasetLayoutSolution(), "ide"))
                .startsWith("solved: 3 hour folders");
    }

    @Test
    void noPartitionFoldersIsNamed() {
        assertWrong(events -> events.write().mode(SaveMode.Overwrite), "the files are in the dataset's top folder");
    }

    @Test
    void foldersInAnotherOrderAreNamed() {
        assertWrong(events -> events.repartition(col("timestamp_hour")).write().mode(SaveMode.Overwrite)
                .partitionBy("timestamp_hour", "topic", "kafka_partition"), "in that order");
    }

    @Test
    void manyFilesPerHourAreNamed() {
        assertWrong(events -> events.write().mode(SaveMode.Overwrite).partitionBy("topic", "kafka_partition",
                "timestamp_hour"), "repartition(col(\"timestamp_hour\")) first");
    }

    @Test
    void theDefaultSaveModeIsNamed() {
        assertWrong(events -> events.repartition(col("timestamp_hour")).write()
                .partitionBy("topic", "kafka_partition", "timestamp_hour"), "ErrorIfExists");
    }

    @Test
    void appendIsNamed() {
        assertWrong(events -> events.repartition(col("timestamp_hour")).write().mode(SaveMode.Append)
                .partitionBy("topic", "kafka_partition", "timestamp_hour"), "SaveMode.Append adds files");
    }

    private static void assertWrong(RawDatasetLayout attempt, String diagnosis) {
        assertThatThrownBy(() -> ExerciseChecks.run(Exercises.RAW_LAYOUT, attempt, "ide"))
                .isInstanceOf(WrongAnswer.class).hasMessageContaining(diagnosis);
    }
}
