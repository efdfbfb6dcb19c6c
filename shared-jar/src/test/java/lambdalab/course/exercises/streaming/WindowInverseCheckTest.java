package lambdalab.course.exercises.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lambdalab.course.exercises.ExerciseChecks;
import lambdalab.course.exercises.Exercises;
import lambdalab.course.exercises.WrongAnswer;
import org.junit.jupiter.api.Test;

/** Exercise 04.window-inverse: the solution passes, each usual mistake fails with its diagnosis. */
class WindowInverseCheckTest {

    @Test
    void theSolutionPasses() {
        assertThat(ExerciseChecks.run(Exercises.WINDOW_INVERSE, new WindowInverseSolution(), "ide"))
                .startsWith("solved: a 3-batch window");
    }

    @Test
    void addingInsteadOfSubtractingIsNamed() {
        assertWrong((window, leaving) -> window.plus(leaving), "only grows");
    }

    @Test
    void theArgumentsTheOtherWayRoundAreNamed() {
        assertWrong((window, leaving) -> leaving.minus(window), "negative counts");
    }

    @Test
    void returningOneBatchIsNamed() {
        assertWrong((window, leaving) -> leaving, "a single batch");
    }

    private static void assertWrong(WindowInverse attempt, String diagnosis) {
        assertThatThrownBy(() -> ExerciseChecks.run(Exercises.WINDOW_INVERSE, attempt, "ide"))
                .isInstanceOf(WrongAnswer.class).hasMessageContaining(diagnosis);
    }
}
