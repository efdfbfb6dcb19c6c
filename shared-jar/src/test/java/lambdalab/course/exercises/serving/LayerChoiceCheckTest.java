package lambdalab.course.exercises.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lambdalab.course.exercises.ExerciseChecks;
import lambdalab.course.exercises.Exercises;
import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.WrongAnswer;
import lambdalab.course.serving.Layer;
import org.junit.jupiter.api.Test;

/** Exercise 08.merge-rule: the solution passes, each usual mistake fails with its diagnosis. */
class LayerChoiceCheckTest {

    @Test
    void theSolutionPassesAndAMissingOneFallsBackToIt() {
        assertThat(ExerciseChecks.run(Exercises.MERGE_RULE, new LayerChoiceSolution(), "ide"))
                .startsWith("solved: ").contains("late events");
        assertThat(ExerciseChecks.run(Exercises.MERGE_RULE, (batch, stream, covered, readAll) -> {
            throw new MissingSolutionException();
        }, "ide")).startsWith("not attempted yet: the reference solution ran");
    }

    @Test
    void theStreamAlwaysWinningIsNamed() {
        assertWrong((batch, stream, covered, readAll) -> stream ? Layer.STREAM : Layer.BATCH,
                "serving the stream row keeps whatever the speed layer lost or doubled");
    }

    @Test
    void aPartialBatchRowIsNamed() {
        assertWrong((batch, stream, covered, readAll) -> batch ? Layer.BATCH : Layer.STREAM,
                "the batch run covered only part of the hour");
    }

    @Test
    void lateEventsAreNamed() {
        assertWrong((batch, stream, covered, readAll) -> !stream || (batch && covered) ? Layer.BATCH : Layer.STREAM,
                "late events");
    }

    @Test
    void aLoneRowIsNamed() {
        assertWrong((batch, stream, covered, readAll) -> covered && readAll ? Layer.BATCH : Layer.STREAM,
                "served the stream layer where only the batch layer has a row");
    }

    private static void assertWrong(LayerChoice attempt, String diagnosis) {
        assertThatThrownBy(() -> ExerciseChecks.run(Exercises.MERGE_RULE, attempt, "ide"))
                .isInstanceOf(WrongAnswer.class).hasMessageContaining(diagnosis);
    }
}
