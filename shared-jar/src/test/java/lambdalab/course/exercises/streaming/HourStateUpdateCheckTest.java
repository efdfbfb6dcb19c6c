package lambdalab.course.exercises.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lambdalab.course.exercises.ExerciseChecks;
import lambdalab.course.exercises.Exercises;
import lambdalab.course.exercises.WrongAnswer;
import lambdalab.course.speed.HourAggregate;
import org.apache.spark.api.java.Optional;
import org.junit.jupiter.api.Test;

/** Exercise 04.state-update: the solution passes, each usual mistake fails with its diagnosis. */
class HourStateUpdateCheckTest {

    @Test
    void theSolutionPasses() {
        assertThat(ExerciseChecks.run(Exercises.STATE_UPDATE, new HourStateUpdateSolution(), "ide"))
                .startsWith("solved: a new group");
    }

    @Test
    void updatingOnTheTimeoutCallIsNamed() {
        assertWrong((batch, state, row) -> {
            HourAggregate merged = state.exists() ? state.get().plus(batch.orElse(zero())) : batch.get();
            state.update(merged);
            return Optional.of(merged);
        }, "Cannot update the state that is timing out");
    }

    @Test
    void ignoringTheStateIsNamed() {
        assertWrong((batch, state, row) -> {
            if (state.isTimingOut()) {
                return Optional.empty();
            }
            state.update(batch.get());
            return batch;
        }, "got this batch's counts alone");
    }

    @Test
    void getWithoutExistsIsNamed() {
        assertWrong((batch, state, row) -> {
            if (state.isTimingOut()) {
                return Optional.empty();
            }
            HourAggregate merged = state.get().plus(batch.get());
            state.update(merged);
            return Optional.of(merged);
        }, "check state.exists() first");
    }

    @Test
    void aLateEventStartingFromZeroIsNamed() {
        assertWrong((batch, state, row) -> {
            if (state.isTimingOut()) {
                return Optional.empty();
            }
            HourAggregate merged = state.exists() ? state.get().plus(batch.get()) : batch.get();
            state.update(merged);
            return Optional.of(merged);
        }, "started from zero when a late event came");
    }

    @Test
    void forgettingToUpdateTheStateIsNamed() {
        assertWrong((batch, state, row) -> {
            if (state.isTimingOut()) {
                return Optional.empty();
            }
            HourAggregate previous = state.exists() ? state.get() : row.get();
            return Optional.of(previous == null ? batch.get() : previous.plus(batch.get()));
        }, "the state was not updated");
    }

    private static HourAggregate zero() {
        return new HourAggregate(0, 0, 0, lambdalab.course.sketches.VisitorSketches.empty());
    }

    private static void assertWrong(HourStateUpdate attempt, String diagnosis) {
        assertThatThrownBy(() -> ExerciseChecks.run(Exercises.STATE_UPDATE, attempt, "ide"))
                .isInstanceOf(WrongAnswer.class).hasMessageContaining(diagnosis);
    }
}
