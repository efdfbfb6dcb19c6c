package lambdalab.course.speed;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.kafka010.OffsetRange;

/**
 * What the driver notes about each batch between its output operations: its Kafka offset ranges
 * (known when the batch is generated), when its work began, its rejected records and, when
 * measured, when its events were produced. Entries are dropped when the batch is committed.
 */
final class BatchBook {

    record Entry(OffsetRange[] ranges, long startedAtMs, long invalid, Map<Long, Long> producedAt, long newestHour) {
        Entry started(long at, long rejected, Map<Long, Long> produced) {
            return new Entry(ranges, at, rejected, produced, newestHour);
        }

        Entry withNewestHour(long hour) {
            return new Entry(ranges, startedAtMs, invalid, producedAt, Math.max(newestHour, hour));
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

    void generated(Time time, OffsetRange[] ranges) {
        entries.put(time, new Entry(ranges, 0, 0, Map.of(), Long.MIN_VALUE));
    }

    void started(Time time, long startedAtMs, long invalid, Map<Long, Long> producedAt) {
        entries.computeIfPresent(time, (t, e) -> e.started(startedAtMs, invalid, producedAt));
    }

    void sawHour(Time time, long hour) {
        entries.computeIfPresent(time, (t, e) -> e.withNewestHour(hour));
    }

    Entry get(Time time) {
        Entry entry = entries.get(time);
        if (entry == null) {
            throw new IllegalStateException("no offset ranges noted for batch " + time);
        }
        return entry;
    }

    void forget(Time time) {
        entries.remove(time);
    }
}
