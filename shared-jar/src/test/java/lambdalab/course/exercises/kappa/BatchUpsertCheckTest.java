package lambdalab.course.exercises.kappa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import lambdalab.course.exercises.ExerciseChecks;
import lambdalab.course.exercises.Exercises;
import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.WrongAnswer;
import lambdalab.course.sketches.VisitorSketches;
import lambdalab.course.speed.HourAggregate;
import org.junit.jupiter.api.Test;

/** Exercise 10.batch-upsert: the solution passes, each usual mistake fails with its diagnosis. */
class BatchUpsertCheckTest {

    @Test
    void theSolutionPassesAndAMissingOneFallsBackToIt() {
        assertThat(ExerciseChecks.run(Exercises.BATCH_UPSERT, new BatchUpsertSolution(), "ide")).startsWith("solved: ");
        assertThat(ExerciseChecks.run(Exercises.BATCH_UPSERT, (before, batch) -> {
            throw new MissingSolutionException();
        }, "ide")).startsWith("not attempted yet: the reference solution ran");
    }

    @Test
    void writingTheBatchAloneIsNamed() {
        assertWrong((before, batch) -> batch, "it holds only this micro-batch's events");
    }

    @Test
    void forgettingTheBatchIsNamed() {
        assertWrong((before, batch) -> before.orElse(batch), "this micro-batch's 7 events are missing");
    }

    @Test
    void countingTheBatchTwiceIsNamed() {
        assertWrong((before, batch) -> before.map(state -> state.plus(batch).plus(batch)).orElse(batch), "counted twice");
    }

    @Test
    void addingVisitorNumbersInsteadOfUnitingSketchesIsNamed() {
        assertWrong((before, batch) -> before.map(state -> new HourAggregate(state.purchases() + batch.purchases(),
                state.addToCarts() + batch.addToCarts(), state.pageViews() + batch.pageViews(), batch.visitorsSketch()))
                .orElse(batch), "unite the sketches");
    }

    @Test
    void aFirstBatchWithoutStateThatFailsIsNamed() {
        assertWrong((before, batch) -> before.get().plus(batch), "has no state before its first batch");
    }

    @Test
    void aRowThatChangesWhenTheBatchRunsAgainIsNamed() {
        AtomicLong runs = new AtomicLong();
        assertWrong((before, batch) -> {
            HourAggregate whole = before.map(state -> state.plus(batch)).orElse(batch);
            long extra = runs.incrementAndGet() == 3 ? 1 : 0; // the third call is the replay
            return new HourAggregate(whole.purchases() + extra, whole.addToCarts(), whole.pageViews(),
                    VisitorSketches.union(List.of(whole.visitorsSketch())));
        }, "Spark ran the second micro-batch again");
    }

    private static void assertWrong(BatchUpsert attempt, String diagnosis) {
        assertThatThrownBy(() -> ExerciseChecks.run(Exercises.BATCH_UPSERT, attempt, "ide"))
                .isInstanceOf(WrongAnswer.class).hasMessageContaining(diagnosis);
    }
}
