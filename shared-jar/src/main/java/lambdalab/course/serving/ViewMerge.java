package lambdalab.course.serving;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.clickstream.ProductHour;
import lambdalab.course.exercises.serving.ServedTotals;
import lambdalab.course.exercises.serving.ServedTotalsSolution;
import lambdalab.course.sketches.VisitorSketches;

/**
 * The serving layer's merge, without Cassandra: which layer answers for each (product, hour), and
 * how hours add up. The batch layer recomputes from every raw event, so where it covered an hour
 * completely and has read every event the speed layer counted, it is right even when the speed
 * layer lost or doubled messages; everywhere else the speed layer's row is the better answer.
 */
public final class ViewMerge {

    /** Exercise 08.sketch-totals' reference solution. */
    private static final ServedTotals TOTALS = new ServedTotalsSolution();

    private ViewMerge() {
    }

    /** The first of the last {@code hours} hours that end with {@code newestHour}. */
    public static long windowStart(long newestHour, int hours) {
        requireHours(hours);
        return newestHour - (hours - 1L) * ClickEvent.HOUR_MS;
    }

    public static void requireHours(int hours) {
        if (hours < 1) {
            throw new IllegalArgumentException("hours must be at least 1, got " + hours);
        }
    }

    /** The newest hour either layer has a row for; empty when both are empty. */
    public static OptionalLong newestHour(Collection<ViewRow> batch, Collection<ViewRow> stream) {
        return Stream.concat(batch.stream(), stream.stream()).mapToLong(row -> row.key().timestampHour()).max();
    }

    /**
     * The served rows for the last {@code hours} hours, counted back from the newest hour either layer
     * has, each chosen by {@link #serve}. Ordered by product, then hour.
     */
    public static List<ServedRow> merge(Collection<ViewRow> batch, Collection<ViewRow> stream, BatchCoverage coverage,
                                        String streamTopic, int hours) {
        OptionalLong newest = newestHour(batch, stream);
        if (newest.isEmpty()) {
            return List.of();
        }
        long from = windowStart(newest.getAsLong(), hours);
        Map<ProductHour, ViewRow> batchRows = byKey(batch);
        Map<ProductHour, ViewRow> streamRows = byKey(stream);
        SortedSet<ProductHour> keys = new TreeSet<>(batchRows.keySet());
        keys.addAll(streamRows.keySet());
        return keys.stream().filter(key -> key.timestampHour() >= from)
                .map(key -> serve(key, batchRows.get(key), streamRows.get(key), coverage, streamTopic))
                .toList();
    }

    /**
     * One (product, hour), either row may be null (not both). The batch row answers only when the
     * batch run covered the hour completely for every source of its row, the row holds the speed
     * layer's topic, and the run had read every event the stream row counts (by their Kafka
     * offsets); otherwise the stream row does, and the reason says why. Without a stream row the
     * batch row answers whatever its coverage (its reason says how far to trust it); without a batch
     * row the stream row does.
     *
     * @param streamTopic the Kafka topic the speed layer reads (its rows say nothing of their topic)
     */
    public static ServedRow serve(ProductHour key, ViewRow batch, ViewRow stream, BatchCoverage coverage,
                                  String streamTopic) {
        if (batch == null && stream == null) {
            throw new IllegalArgumentException("Neither layer has a row for " + key);
        }
        if (batch == null) {
            return served(stream, Layer.STREAM, Reason.NO_BATCH_ROW, null);
        }
        Reason batchState = coverage.state(batch.sources(), key.timestampHour());
        if (stream == null) {
            return served(batch, Layer.BATCH, batchState, batch);
        }
        if (!batch.sources().isEmpty() && !batch.sources().contains(streamTopic)) {
            return served(stream, Layer.STREAM, Reason.NOT_IN_BATCH, batch);
        }
        if (batchState != Reason.COMPLETE) {
            return served(stream, Layer.STREAM, batchState, batch);
        }
        if (coverage.missedBy(streamTopic, key.timestampHour(), stream.throughOffsets())) {
            return served(stream, Layer.STREAM, Reason.LATE_EVENTS, batch);
        }
        return served(batch, Layer.BATCH, Reason.COMPLETE, batch);
    }

    /**
     * Per product over {@code rows}: the counts summed and the visitors estimated from the union of
     * the rows' sketches, never a sum of estimates (a visitor active in two hours is one visitor).
     */
    public static List<ServedTotal> totals(List<ServedRow> rows) {
        Map<String, List<ServedRow>> byProduct = rows.stream()
                .collect(Collectors.groupingBy(ServedRow::product, TreeMap::new, Collectors.toList()));
        return byProduct.entrySet().stream().map(e -> TOTALS.total(e.getKey(), e.getValue())).toList();
    }

    private static ServedRow served(ViewRow row, Layer layer, Reason reason, ViewRow batch) {
        List<String> batchSources = batch == null ? List.of() : batch.sources().stream().sorted().toList();
        return new ServedRow(row.key(), layer, reason, batchSources, row.purchaseCount(), row.addToCartCount(),
                row.pageViewCount(), VisitorSketches.estimate(row.visitorsSketch()), row.visitorsSketch());
    }

    private static Map<ProductHour, ViewRow> byKey(Collection<ViewRow> rows) {
        return rows.stream().collect(Collectors.toMap(ViewRow::key, Function.identity()));
    }
}
