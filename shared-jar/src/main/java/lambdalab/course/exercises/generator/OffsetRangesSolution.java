package lambdalab.course.exercises.generator;

import java.util.Map;
import org.apache.spark.streaming.kafka010.OffsetRange;

/**
 * The reference solution of {@link OffsetRanges}. A partition's end offset is the offset the next
 * record will get, and an {@link OffsetRange} includes its {@code fromOffset} and excludes its
 * {@code untilOffset}: so the records written in between are exactly [end before, end after). A
 * partition that did not exist before starts at 0.
 */
public final class OffsetRangesSolution implements OffsetRanges {

    @Override
    public OffsetRange[] between(String topic, Map<Integer, Long> before, Map<Integer, Long> after) {
        return after.entrySet().stream()
                .map(end -> OffsetRange.create(topic, end.getKey(), before.getOrDefault(end.getKey(), 0L), end.getValue()))
                .toArray(OffsetRange[]::new);
    }
}
