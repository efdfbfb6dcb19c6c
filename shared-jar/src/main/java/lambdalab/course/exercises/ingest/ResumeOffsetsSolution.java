package lambdalab.course.exercises.ingest;

import java.util.Map;
import java.util.TreeMap;

/**
 * The reference solution of {@link ResumeOffsets}, the speed layer's own: a committed offset is
 * already the next one to read (never add one to it); a partition without a commit (a first start,
 * a partition added since) starts at its earliest offset; and a committed offset Kafka no longer
 * holds (deleted by retention while the job was down) becomes the earliest one, since the consumer
 * would refuse it.
 */
public final class ResumeOffsetsSolution implements ResumeOffsets {

    @Override
    public Map<Integer, Long> resumeFrom(Map<Integer, Long> committed, Map<Integer, Long> earliest) {
        Map<Integer, Long> from = new TreeMap<>();
        earliest.forEach((partition, first) -> from.put(partition, Math.max(first, committed.getOrDefault(partition, first))));
        return from;
    }
}
