package lambdalab.course.exercises.kappa;

import java.util.Map;
import lambdalab.course.exercises.Check;
import lambdalab.course.exercises.WrongAnswer;

/**
 * Checks a {@link SwitchCondition} on a topic of two partitions: a version caught up within the
 * allowance, one exactly at it, one whose partitions are each within it but not together, one that
 * has not committed a partition yet, and one on a log whose start was deleted before it began.
 */
public final class SwitchConditionCheck implements Check<SwitchCondition> {

    private static final Map<Integer, Long> END = Map.of(0, 10_000L, 1, 10_000L);
    private static final Map<Integer, Long> FROM_ZERO = Map.of(0, 0L, 1, 0L);

    @Override
    public String verify(SwitchCondition attempt) {
        expect(attempt, FROM_ZERO, Map.of(0, 10_000L, 1, 9_998L), 5, true,
                "2 records behind with 5 allowed must switch: live events keep arriving, a lag of 0 may never come");
        expect(attempt, FROM_ZERO, Map.of(0, 9_997L, 1, 9_998L), 5, true,
                "exactly 5 behind with 5 allowed must switch: the allowance is the most a version may lag, included");
        expect(attempt, FROM_ZERO, Map.of(0, 9_997L, 1, 9_997L), 5, false,
                "each partition is 3 behind, 6 together, with 5 allowed: the allowance is for all partitions together");
        expect(attempt, FROM_ZERO, Map.of(0, 10_000L), 5, false,
                "partition 1 has no commit yet: the version has read none of its 10,000 records, it is 10,000 behind,"
                        + " not up to date (start a missing partition at its earliest offset)");
        expect(attempt, Map.of(0, 4_000L, 1, 4_000L), Map.of(), 12_000, true,
                "Kafka no longer holds the first 4,000 offsets of each partition: a version with no commit starts at "
                        + "offset 4,000, so it is 12,000 behind, not 20,000 (count from the earliest offset)");
        return "five versions of a two-partition topic: caught up, at the allowance, over it together, a partition not "
                + "read yet, a log whose start was deleted";
    }

    private static void expect(SwitchCondition attempt, Map<Integer, Long> earliest, Map<Integer, Long> committed,
                               long maxLag, boolean expected, String why) {
        boolean got = attempt.maySwitch(END, earliest, committed, maxLag);
        if (got != expected) {
            throw new WrongAnswer("topic end " + END + ", earliest " + earliest + ", committed " + committed + ", at most "
                    + maxLag + " behind: " + (got ? "switched" : "refused") + ", but " + why);
        }
    }
}
