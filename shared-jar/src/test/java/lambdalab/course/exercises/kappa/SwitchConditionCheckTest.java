package lambdalab.course.exercises.kappa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lambdalab.course.exercises.ExerciseChecks;
import lambdalab.course.exercises.Exercises;
import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.WrongAnswer;
import org.junit.jupiter.api.Test;

/** Exercise 10.switch-rule: the solution passes, each usual mistake fails with its diagnosis. */
class SwitchConditionCheckTest {

    @Test
    void theSolutionPassesAndAMissingOneFallsBackToIt() {
        assertThat(ExerciseChecks.run(Exercises.SWITCH_RULE, new SwitchConditionSolution(), "ide")).startsWith("solved: ");
        assertThat(ExerciseChecks.run(Exercises.SWITCH_RULE, (end, earliest, committed, maxLag) -> {
            throw new MissingSolutionException();
        }, "ide")).startsWith("not attempted yet: the reference solution ran");
    }

    @Test
    void waitingForNoLagAtAllIsNamed() {
        assertWrong((end, earliest, committed, maxLag) -> end.keySet().stream()
                .allMatch(p -> committed.getOrDefault(p, 0L).equals(end.get(p))), "a lag of 0 may never come");
    }

    @Test
    void aStrictComparisonIsNamed() {
        assertWrong((end, earliest, committed, maxLag) -> lag(end, earliest, committed, true) < maxLag,
                "the allowance is the most a version may lag, included");
    }

    @Test
    void anAllowancePerPartitionIsNamed() {
        assertWrong((end, earliest, committed, maxLag) -> end.keySet().stream().allMatch(p ->
                end.get(p) - committed.getOrDefault(p, earliest.get(p)) <= maxLag), "for all partitions together");
    }

    @Test
    void skippingAPartitionWithoutCommitIsNamed() {
        assertWrong((end, earliest, committed, maxLag) -> committed.entrySet().stream()
                .mapToLong(e -> end.get(e.getKey()) - e.getValue()).sum() <= maxLag, "partition 1 has no commit yet");
    }

    @Test
    void countingFromOffsetZeroIsNamed() {
        assertWrong((end, earliest, committed, maxLag) -> lag(end, earliest, committed, false) <= maxLag,
                "count from the earliest offset");
    }

    private static long lag(java.util.Map<Integer, Long> end, java.util.Map<Integer, Long> earliest,
                            java.util.Map<Integer, Long> committed, boolean fromEarliest) {
        return end.keySet().stream().mapToLong(p -> end.get(p)
                - committed.getOrDefault(p, fromEarliest ? earliest.get(p) : 0L)).sum();
    }

    private static void assertWrong(SwitchCondition attempt, String diagnosis) {
        assertThatThrownBy(() -> ExerciseChecks.run(Exercises.SWITCH_RULE, attempt, "ide"))
                .isInstanceOf(WrongAnswer.class).hasMessageContaining(diagnosis);
    }
}
