package lambdalab.course.exercises.ingest;

import java.util.Map;
import java.util.TreeMap;
import lambdalab.course.exercises.Check;
import lambdalab.course.exercises.WrongAnswer;

/**
 * Checks a {@link ResumeOffsets} on the four starts the speed layer meets: a restart after commits,
 * a first start, a partition added since the last commit, and commits older than what Kafka still
 * holds. Names the original course's mistake (one event skipped per partition at each restart) and
 * its opposite (the last event read twice).
 */
public final class ResumeOffsetsCheck implements Check<ResumeOffsets> {

    @Override
    public String verify(ResumeOffsets attempt) {
        expect(attempt, "a restart after commits", Map.of(0, 120L, 1, 98L), Map.of(0, 0L, 1, 0L), Map.of(0, 120L, 1, 98L));
        expect(attempt, "a first start (nothing committed)", Map.of(), Map.of(0, 0L, 1, 40L), Map.of(0, 0L, 1, 40L));
        expect(attempt, "a restart after partition 2 was added", Map.of(0, 120L, 1, 98L), Map.of(0, 0L, 1, 0L, 2, 0L),
                Map.of(0, 120L, 1, 98L, 2, 0L));
        expect(attempt, "a restart after retention deleted old events", Map.of(0, 50L, 1, 98L), Map.of(0, 80L, 1, 0L),
                Map.of(0, 80L, 1, 98L));
        return "a restart, a first start, a new partition and offsets deleted by retention";
    }

    private static void expect(ResumeOffsets attempt, String start, Map<Integer, Long> committed,
                               Map<Integer, Long> earliest, Map<Integer, Long> expected) {
        Map<Integer, Long> got = attempt.resumeFrom(committed, earliest);
        if (got == null) {
            throw new WrongAnswer(start + ": returned null; return the first offset to read for every partition");
        }
        if (new TreeMap<>(got).equals(new TreeMap<>(expected))) {
            return;
        }
        throw new WrongAnswer(start + " (committed " + new TreeMap<>(committed) + ", earliest " + new TreeMap<>(earliest)
                + "): got " + new TreeMap<>(got) + ", expected " + new TreeMap<>(expected) + ": " + diagnosis(got,
                committed, earliest, expected));
    }

    private static String diagnosis(Map<Integer, Long> got, Map<Integer, Long> committed, Map<Integer, Long> earliest,
                                    Map<Integer, Long> expected) {
        for (Map.Entry<Integer, Long> partition : new TreeMap<>(expected).entrySet()) {
            Long offset = got.get(partition.getKey());
            Long commit = committed.get(partition.getKey());
            if (offset == null) {
                return "partition " + partition.getKey() + " is missing, so it is never read"
                        + (commit == null ? ": a partition without a commit starts at its earliest offset" : "");
            }
            if (commit == null && !offset.equals(partition.getValue())) {
                return "partition " + partition.getKey() + " has no commit: start it at its earliest offset "
                        + partition.getValue() + ", or the events before " + offset + " are never counted";
            }
            if (commit != null && offset == commit + 1 && commit >= earliest.get(partition.getKey())) {
                return "one event skipped per partition at every restart (the original course's bug): the committed "
                        + "offset is the exclusive end of the last batch, already the next one to read";
            }
            if (commit != null && offset == commit - 1) {
                return "the last event of the last batch is read again and counted twice: the committed offset is the "
                        + "exclusive end of that batch, the next one to read";
            }
            if (commit != null && offset.equals(commit) && commit < earliest.get(partition.getKey())) {
                return "offset " + commit + " of partition " + partition.getKey() + " is no longer in Kafka (its earliest is "
                        + earliest.get(partition.getKey()) + "): the consumer would fail with OffsetOutOfRange; start at "
                        + "the earliest offset it holds";
            }
            if (commit != null && !offset.equals(partition.getValue())) {
                return "partition " + partition.getKey() + " committed " + commit + ": continue from there, not from "
                        + offset + " (from the earliest: everything counted again; from the end: events lost)";
            }
        }
        return "a partition that is not in the topic was returned: return exactly the topic's partitions";
    }
}
