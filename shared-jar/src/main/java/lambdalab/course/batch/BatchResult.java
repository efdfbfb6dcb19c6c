package lambdalab.course.batch;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import lambdalab.course.clickstream.CodecError;

/**
 * What a batch run did.
 *
 * @param events    valid events aggregated
 * @param malformed refused input lines per reason (TSV input only)
 * @param examples  a few refused lines' messages
 * @param rows      rows upserted into each of the two batch views
 * @param coverage  per (source, hour) it aggregated: what it covered, as recorded for the serving layer
 */
public record BatchResult(long events, Map<CodecError.Reason, Long> malformed, List<String> examples, long rows,
                          List<HourCoverage> coverage) {

    /** Hours still filling are listed by name up to this many per source. */
    private static final int OPEN_HOURS_SHOWN = 3;

    /**
     * One line per source: its hours, how many were complete, and which were not, e.g.
     * {@code weblogs-text: 3 hours (2024-01-01T00:00:00Z to 2024-01-01T02:00:00Z), 2 complete, still filling: 2024-01-01T02:00:00Z}.
     */
    public List<String> coverageSummary() {
        Map<String, List<HourCoverage>> bySource = coverage.stream()
                .collect(Collectors.groupingBy(HourCoverage::source, TreeMap::new, Collectors.toList()));
        return bySource.entrySet().stream().map(e -> describe(e.getKey(), e.getValue())).toList();
    }

    private static String describe(String source, List<HourCoverage> hours) {
        long first = hours.stream().mapToLong(HourCoverage::timestampHour).min().orElseThrow();
        long last = hours.stream().mapToLong(HourCoverage::timestampHour).max().orElseThrow();
        List<Long> open = hours.stream().filter(hour -> !hour.complete()).map(HourCoverage::timestampHour).sorted().toList();
        String range = first == last ? Instant.ofEpochMilli(first).toString()
                : Instant.ofEpochMilli(first) + " to " + Instant.ofEpochMilli(last);
        String text = String.format(Locale.ROOT, "%s: %,d hour%s (%s), ", source, hours.size(),
                hours.size() == 1 ? "" : "s", range);
        if (open.isEmpty()) {
            return text + "all complete";
        }
        return text + String.format(Locale.ROOT, "%,d complete, still filling: ", hours.size() - open.size())
                + open.stream().limit(OPEN_HOURS_SHOWN).map(hour -> Instant.ofEpochMilli(hour).toString())
                .collect(Collectors.joining(", ")) + (open.size() > OPEN_HOURS_SHOWN ? ", ..." : "");
    }
}
