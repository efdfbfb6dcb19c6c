package lambdalab.course.exercises.kappa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.exercises.ExerciseChecks;
import lambdalab.course.exercises.Exercises;
import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.WrongAnswer;
import org.junit.jupiter.api.Test;

/** Exercise 10.watermark: the solution passes, each usual mistake fails with its diagnosis. */
class HourClosingCheckTest {

    @Test
    void theSolutionPassesAndAMissingOneFallsBackToIt() {
        assertThat(ExerciseChecks.run(Exercises.WATERMARK, new HourClosingSolution(), "ide")).startsWith("solved: ");
        assertThat(ExerciseChecks.run(Exercises.WATERMARK, (hour, watermark) -> {
            throw new MissingSolutionException();
        }, "ide")).startsWith("not attempted yet: the reference solution ran");
    }

    @Test
    void closingAtTheHoursStartIsNamed() {
        assertWrong((hour, watermark) -> hour <= watermark, "compare the watermark with the hour's END");
    }

    @Test
    void aStrictComparisonAtTheEndIsNamed() {
        assertWrong((hour, watermark) -> hour + ClickEvent.HOUR_MS < watermark, "not end < watermark");
    }

    @Test
    void anInvertedRuleIsNamed() {
        assertWrong((hour, watermark) -> hour + ClickEvent.HOUR_MS > watermark, "the hour is still open");
    }

    private static void assertWrong(HourClosing attempt, String diagnosis) {
        assertThatThrownBy(() -> ExerciseChecks.run(Exercises.WATERMARK, attempt, "ide"))
                .isInstanceOf(WrongAnswer.class).hasMessageContaining(diagnosis);
    }
}
