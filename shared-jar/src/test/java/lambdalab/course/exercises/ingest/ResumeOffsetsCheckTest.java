package lambdalab.course.exercises.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import lambdalab.course.exercises.ExerciseChecks;
import lambdalab.course.exercises.Exercises;
import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.WrongAnswer;
import org.junit.jupiter.api.Test;

/** Exercise 06.resume-offsets: the solution passes, each usual mistake fails with its diagnosis. */
class ResumeOffsetsCheckTest {

    @Test
    void theSolutionPassesAndAMissingOneFallsBackToIt() {
        assertThat(ExerciseChecks.run(Exercises.RESUME_OFFSETS, new ResumeOffsetsSolution(), "ide"))
                .startsWith("solved: ").contains("offsets deleted by retention");
        assertThat(ExerciseChecks.run(Exercises.RESUME_OFFSETS, (committed, earliest) -> {
            throw new MissingSolutionException();
        }, "ide")).startsWith("not attempted yet: the reference solution ran");
    }

    @Test
    void theOriginalCoursesPlusOneIsNamed() {
        assertWrong((committed, earliest) -> shift(new ResumeOffsetsSolution().resumeFrom(committed, earliest), committed, 1),
                "one event skipped per partition at every restart (the original course's bug)");
    }

    @Test
    void minusOneIsNamed() {
        assertWrong((committed, earliest) -> shift(new ResumeOffsetsSolution().resumeFrom(committed, earliest), committed, -1),
                "the last event of the last batch is read again and counted twice");
    }

    @Test
    void onlyTheCommittedPartitionsAreNamed() {
        assertWrong((committed, earliest) -> committed.isEmpty() ? earliest : committed,
                "a restart after partition 2 was added (committed {0=120, 1=98}, earliest {0=0, 1=0, 2=0}): got {0=120, 1=98}, "
                        + "expected {0=120, 1=98, 2=0}: partition 2 is missing, so it is never read");
    }

    @Test
    void offsetsDeletedByRetentionAreNamed() {
        assertWrong((committed, earliest) -> {
            Map<Integer, Long> from = new HashMap<>(earliest);
            from.putAll(committed);
            return from;
        }, "offset 50 of partition 0 is no longer in Kafka (its earliest is 80)");
    }

    @Test
    void startingFromTheEarliestEveryTimeIsNamed() {
        assertWrong((committed, earliest) -> earliest, "partition 0 committed 120: continue from there, not from 0");
    }

    private static Map<Integer, Long> shift(Map<Integer, Long> from, Map<Integer, Long> committed, long by) {
        Map<Integer, Long> shifted = new HashMap<>(from);
        committed.keySet().forEach(partition -> shifted.computeIfPresent(partition, (p, offset) -> offset + by));
        return shifted;
    }

    private static void assertWrong(ResumeOffsets attempt, String diagnosis) {
        assertThatThrownBy(() -> ExerciseChecks.run(Exercises.RESUME_OFFSETS, attempt, "ide"))
                .isInstanceOf(WrongAnswer.class).hasMessageContaining(diagnosis);
    }
}
