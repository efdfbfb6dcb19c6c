package lambdalab.course.speed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.kafka010.OffsetRange;

/**
 * What the driver notes about each batch between its output operations: its Kafka offset ranges
 * (known when the batch is generated), when its work began, its rejected records and, when
 * measured, when its events were produced. Entries are dropped when the batch is committed.
 */
final class BatchBook {

    record Entry(OffsetRange[] ranges, long startedAtMs, long invalid, Map<Long, Long> producedAt, long newestHour,
                 long visibleAtMs) {
        Entry began(long at) {
            return new Entry(ranges, at, invalid, producedAt, newestHour, visibleAtMs);
        }

        Entry stored(long rejected, Map<Long, Long> produced) {
            return new Entry(ranges, startedAtMs, rejected, produced, newestHour, visibleAtMs);
        }

        Entry withNewestHour(long hour) {
            return new Entry(ranges, startedAtMs, invalid, producedAt, Math.max(newestHour, hour), visibleAtMs);
        }

        Entry visibleAt(long at) {
            return new Entry(ranges, startedAtMs, invalid, producedAt, newestHour, at);
        }

        long records() {
            long sum = 0;
            for (OffsetRange range : ranges) {
                sum += range.count();
            }
            return sum;
        }
    }

    private final Map<Time, Entry> entries = new ConcurrentHashMap<>();
    /** The newest batch noted so far, and where each partition's next batch must start after it. */
    private Time newest;
    private final Map<Integer, Long> nextFrom = new HashMap<>();
    /** The batches generated as the newest (not a window's older slices) and not committed yet, oldest first. */
    private final NavigableSet<Time> uncommitted = new TreeSet<>(Comparator.comparingLong(Time::milliseconds));

    /**
     * Notes a batch Spark generated. Returns what is wrong with its ranges, if anything: a batch
     * noted again with other ranges, or a batch that does not start where the batch before it ended
     * (offsets no batch reads, or read twice). Neither should ever happen; a soak drill once lost one
     * batch's events after two restarts, and this says where, should it happen again.
     */
    synchronized Optional<String> generated(Time time, OffsetRange[] ranges) {
        Entry before = entries.put(time, new Entry(ranges, 0, 0, Map.of(), Long.MIN_VALUE, 0));
        if (before != null && !Arrays.equals(before.ranges(), ranges)) {
            return Optional.of("batch " + time + " was generated again with other offset ranges: "
                    + Arrays.toString(before.ranges()) + " -> " + Arrays.toString(ranges));
        }
        if (newest != null && !time.greater(newest)) {
            // an older batch again: a window recomputing one of its slices after a restart
            List<String> cut = cutAnew(ranges);
            return cut.isEmpty() ? Optional.empty() : Optional.of("batch " + time + ", older than batch " + newest
                    + ", was read anew from the stream's current offsets (Spark no longer knew its ranges when the"
                    + " window asked for it): " + String.join(", ", cut) + " will be read by no batch");
        }
        List<String> breaks = breaksBefore(ranges);
        Time previous = newest;
        newest = time;
        uncommitted.add(time);
        return breaks.isEmpty() ? Optional.empty() : Optional.of("batch " + time + " reads " + String.join(", ", breaks)
                + " (batch " + previous + "): the offsets in between are read by no batch, or twice");
    }

    /**
     * The partitions whose range in an older batch starts where the newest batch ended: Spark cut it
     * from its current offsets and moved them on, so the next batch starts after it. Notes where.
     */
    private List<String> cutAnew(OffsetRange[] ranges) {
        List<String> cut = new ArrayList<>();
        for (OffsetRange range : ranges) {
            if (range.count() > 0 && Long.valueOf(range.fromOffset()).equals(nextFrom.get(range.partition()))) {
                cut.add("partition " + range.partition() + " offsets " + range.fromOffset() + " to "
                        + (range.untilOffset() - 1));
                nextFrom.put(range.partition(), range.untilOffset());
            }
        }
        return cut;
    }

    /** The partitions whose range does not start where the newest batch's ended; notes where the next must start. */
    private List<String> breaksBefore(OffsetRange[] ranges) {
        List<String> breaks = new ArrayList<>();
        for (OffsetRange range : ranges) {
            Long expected = nextFrom.put(range.partition(), range.untilOffset());
            if (expected != null && expected != range.fromOffset()) {
                breaks.add("partition " + range.partition() + " from offset " + range.fromOffset()
                        + " where the batch before ended at " + expected);
            }
        }
        return breaks;
    }

    /** Prints a problem {@link #generated} or {@link #committed} found into the job's log. */
    static void printWarning(String problem) {
        System.out.println("WARNING: " + problem + ". See troubleshooting.md#stream-offset-gap.");
    }

    /** The batch's first output begins. */
    void began(Time time, long startedAtMs) {
        entries.computeIfPresent(time, (t, e) -> e.began(startedAtMs));
    }

    /** The batch's raw events are stored: its rejected records, and when its events were produced. */
    void stored(Time time, long invalid, Map<Long, Long> producedAt) {
        entries.computeIfPresent(time, (t, e) -> e.stored(invalid, producedAt));
    }

    void sawHour(Time time, long hour) {
        entries.computeIfPresent(time, (t, e) -> e.withNewestHour(hour));
    }

    /** The batch's rows are in the stream views: from now on a query sees its events. */
    void visible(Time time) {
        entries.computeIfPresent(time, (t, e) -> e.visibleAt(System.currentTimeMillis()));
    }

    Entry get(Time time) {
        Entry entry = entries.get(time);
        if (entry == null) {
            throw new IllegalStateException("no offset ranges noted for batch " + time);
        }
        return entry;
    }

    /**
     * The records of a batch whose entry may be gone: Spark can ask for an old batch again (its
     * window recomputes a slice after a restart from the checkpoint) after that batch committed
     * and was forgotten.
     */
    OptionalLong recordsIfKnown(Time time) {
        Entry entry = entries.get(time);
        return entry == null ? OptionalLong.empty() : OptionalLong.of(entry.records());
    }

    /**
     * Drops a committed batch's entry. Returns the batches generated before it that never committed,
     * if any: Spark runs batches one at a time in order, so their offsets were read by no batch.
     */
    synchronized Optional<String> committed(Time time) {
        entries.remove(time);
        uncommitted.remove(time);
        NavigableSet<Time> skipped = uncommitted.headSet(time, false);
        if (skipped.isEmpty()) {
            return Optional.empty();
        }
        List<String> batches = new ArrayList<>();
        for (Time batch : skipped) {
            Entry entry = entries.remove(batch);
            batches.add(batch + (entry == null ? "" : " " + Arrays.toString(entry.ranges())));
        }
        skipped.clear();
        return Optional.of("batch " + time + " committed, but the batches before it never did: "
                + String.join(", ", batches) + ": their offsets were read by no batch");
    }
}
