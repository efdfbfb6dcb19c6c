package lambdalab.course.exercises.generator;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import lambdalab.course.exercises.Check;
import lambdalab.course.exercises.WrongAnswer;
import org.apache.spark.streaming.kafka010.OffsetRange;

/**
 * Checks an {@link OffsetRanges} on snapshots of a topic's end offsets whose records in between
 * are known, and names the usual mistakes: starting one record late (the original course skipped
 * a message per partition on every restart this way), an inclusive end, reading from the
 * beginning, a forgotten new partition.
 */
public final class OffsetRangesCheck implements Check<OffsetRanges> {

    private static final String TOPIC = "weblogs-text";

    @Override
    public String verify(OffsetRanges attempt) {
        // two partitions written to, one untouched, and one created between the snapshots
        Map<Integer, Long> before = Map.of(0, 1_000L, 1, 970L, 2, 500L);
        Map<Integer, Long> after = Map.of(0, 1_600L, 1, 1_570L, 2, 500L, 3, 40L);
        Map<Integer, long[]> expected = Map.of(0, new long[] {1_000, 1_600}, 1, new long[] {970, 1_570},
                3, new long[] {0, 40});
        OffsetRange[] ranges = attempt.between(TOPIC, before, after);
        if (ranges == null) {
            throw new WrongAnswer("returned null: return an array with one range per partition to read");
        }
        Map<Integer, long[]> got = byPartition(ranges);
        diagnose(got, before, after);
        for (Map.Entry<Integer, long[]> range : expected.entrySet()) {
            long[] actual = got.get(range.getKey());
            if (!Arrays.equals(actual, range.getValue())) {
                throw new WrongAnswer("partition " + range.getKey() + ": expected [" + range.getValue()[0] + ", "
                        + range.getValue()[1] + "), got " + (actual == null ? "no range" : "[" + actual[0] + ", "
                        + actual[1] + ")") + " (before " + before.getOrDefault(range.getKey(), null) + ", after "
                        + after.get(range.getKey()) + ")");
            }
        }
        long[] untouched = got.get(2);
        if (untouched != null && untouched[0] != untouched[1]) {
            throw new WrongAnswer("partition 2 had no new records (500 before and after), but the range ["
                    + untouched[0] + ", " + untouched[1] + ") reads some");
        }
        return "1,240 records in 3 partitions: each read exactly once, a new partition from offset 0, an untouched one not at all";
    }

    private static Map<Integer, long[]> byPartition(OffsetRange[] ranges) {
        Map<Integer, long[]> got = new TreeMap<>();
        for (OffsetRange range : ranges) {
            if (!range.topic().equals(TOPIC)) {
                throw new WrongAnswer("a range of topic '" + range.topic() + "': every range is of the topic given, " + TOPIC);
            }
            if (got.put(range.partition(), new long[] {range.fromOffset(), range.untilOffset()}) != null) {
                throw new WrongAnswer("two ranges for partition " + range.partition() + ": one per partition");
            }
        }
        return got;
    }

    private static void diagnose(Map<Integer, long[]> got, Map<Integer, Long> before, Map<Integer, Long> after) {
        long[] zero = got.get(0);
        if (zero == null) {
            throw new WrongAnswer("no range for partition 0, which received 600 records");
        }
        if (zero[0] == before.get(0) + 1) {
            throw new WrongAnswer("partition 0 starts at " + zero[0] + ", one record late: the end offset before (1000) is "
                    + "the offset the NEXT record gets, so the first new record has offset 1000 itself; starting at "
                    + "end + 1 skips one record per partition (the original course lost one at every restart this way)");
        }
        if (zero[1] == after.get(0) + 1 || zero[1] == after.get(0) - 1) {
            throw new WrongAnswer("partition 0 ends at " + zero[1] + ": an OffsetRange's untilOffset is exclusive and the "
                    + "end offset after (1600) is already one past the last record; use it as it is");
        }
        if (zero[0] == 0) {
            throw new WrongAnswer("partition 0 is read from offset 0: that reads every earlier record of the topic "
                    + "again; start at the end offset before the producer wrote");
        }
        if (!got.containsKey(3)) {
            throw new WrongAnswer("no range for partition 3, which was created between the snapshots (missing from "
                    + "`before`) and holds 40 new records from offset 0: iterate over the partitions of `after`");
        }
    }
}
