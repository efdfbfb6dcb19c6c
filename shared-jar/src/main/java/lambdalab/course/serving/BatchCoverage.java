package lambdalab.course.serving;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import lambdalab.course.batch.HourCoverage;

/**
 * What the batch runs recorded they covered, per (source, hour) ({@code lambda.batch_coverage}):
 * how far the serving layer may trust a batch row.
 */
public final class BatchCoverage {

    private record Key(String source, long hour) {
    }

    private final Map<Key, HourCoverage> hours = new HashMap<>();

    public BatchCoverage(Collection<HourCoverage> coverage) {
        coverage.forEach(hour -> hours.put(new Key(hour.source(), hour.timestampHour()), hour));
    }

    /**
     * How complete a batch row of {@code hour} holding {@code sources} is: {@link Reason#COMPLETE}
     * when every source's hour was complete in the run that covered it, {@link Reason#STILL_FILLING}
     * when one was not, {@link Reason#NOT_COVERED} when a run recorded nothing for one (or the row
     * names no source).
     */
    public Reason state(Set<String> sources, long hour) {
        if (sources.isEmpty()) {
            return Reason.NOT_COVERED;
        }
        Reason state = Reason.COMPLETE;
        for (String source : sources) {
            HourCoverage covered = hours.get(new Key(source, hour));
            if (covered == null) {
                return Reason.NOT_COVERED;
            }
            if (!covered.complete()) {
                state = Reason.STILL_FILLING;
            }
        }
        return state;
    }

    /**
     * Whether a stream row of {@code topic}'s {@code hour} may count events the batch run did not
     * read: some partition's offset after the row's last batch lies beyond what the run read of the
     * hour. Unknown offsets (a speed layer that did not record them) prove nothing either way.
     */
    public boolean missedBy(String topic, long hour, Map<Integer, Long> streamThroughOffsets) {
        HourCoverage covered = hours.get(new Key(topic, hour));
        Map<Integer, Long> read = covered == null ? Map.of() : covered.throughOffsets();
        return streamThroughOffsets.entrySet().stream().anyMatch(p -> p.getValue() > read.getOrDefault(p.getKey(), 0L));
    }

    /** Per source, sorted by name: its hours, the complete ones, the newest complete one, the last run. */
    public List<SourceCoverage> summaries() {
        Map<String, List<HourCoverage>> bySource = hours.values().stream()
                .collect(Collectors.groupingBy(HourCoverage::source, TreeMap::new, Collectors.toList()));
        return bySource.entrySet().stream().map(e -> summary(e.getKey(), e.getValue())).toList();
    }

    private static SourceCoverage summary(String source, List<HourCoverage> hours) {
        List<HourCoverage> complete = hours.stream().filter(HourCoverage::complete).toList();
        Long newestComplete = complete.stream().map(HourCoverage::timestampHour).max(Long::compare).orElse(null);
        Instant lastRun = hours.stream().map(HourCoverage::updatedAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        return new SourceCoverage(source, hours.size(), complete.size(), newestComplete, lastRun);
    }
}
