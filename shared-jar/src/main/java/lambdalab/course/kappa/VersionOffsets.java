package lambdalab.course.kappa;

import java.util.Map;

/**
 * Where a version of the Kappa view stands in the log, per partition: the topic's end, its earliest
 * offset, and how far the version's last committed micro-batch read (a partition is missing before
 * the version's first commit that read it).
 */
public record VersionOffsets(Map<Integer, Long> topicEnd, Map<Integer, Long> earliest, Map<Integer, Long> committed) {

    /** A version the lab does not know: nothing to measure. */
    public static final VersionOffsets NONE = new VersionOffsets(Map.of(), Map.of(), Map.of());

    public VersionOffsets {
        topicEnd = Map.copyOf(topicEnd);
        earliest = Map.copyOf(earliest);
        committed = Map.copyOf(committed);
    }

    public VersionLag lag() {
        return VersionLag.of(topicEnd, earliest, committed);
    }
}
