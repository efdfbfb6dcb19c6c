package lambdalab.course.kappa;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How far a version's view is behind the log: per partition, the records between what its last
 * committed batch read up to and the topic's end.
 */
public record VersionLag(Map<Integer, Long> perPartition) {

    public VersionLag {
        perPartition = Collections.unmodifiableMap(new TreeMap<>(perPartition));
    }

    /**
     * @param topicEnd  the next offset to be written, per partition
     * @param earliest  the first offset Kafka still holds, per partition (where a version with no
     *                  commit yet starts)
     * @param committed what the version's last committed batch read up to (empty before its first)
     */
    public static VersionLag of(Map<Integer, Long> topicEnd, Map<Integer, Long> earliest, Map<Integer, Long> committed) {
        Map<Integer, Long> lag = new TreeMap<>();
        topicEnd.forEach((partition, end) -> {
            long from = committed.getOrDefault(partition, earliest.getOrDefault(partition, 0L));
            lag.put(partition, Math.max(0, end - from));
        });
        return new VersionLag(lag);
    }

    public long total() {
        return perPartition.values().stream().mapToLong(Long::longValue).sum();
    }

    /** {@code 1,234 (partition 0: 1,000, partition 1: 234)}. */
    public String describe() {
        return String.format("%,d", total()) + " (" + perPartition.entrySet().stream()
                .map(e -> String.format("partition %d: %,d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ")) + ")";
    }
}
