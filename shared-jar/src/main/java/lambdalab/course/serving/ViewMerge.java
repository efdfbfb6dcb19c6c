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
import lambdalab.course.sketches.VisitorSketches;

/**
 * The serving layer's merge, without Cassandra: which layer answers for each hour, and how hours add
 * up. The batch layer recomputes from every raw event, so up to its watermark it is right even when
 * the speed layer lost or doubled messages; after the watermark only the speed layer has the hours.
 */
public final class ViewMerge {

    private ViewMerge() {
    }

    /** The layer whose row counts for {@code hour}: batch up to and including its watermark, stream after. */
    public static Layer authoritative(long hour, OptionalLong batchWatermark) {
        return batchWatermark.isPresent() && hour <= batchWatermark.getAsLong() ? Layer.BATCH : Layer.STREAM;
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
     * has: per (product, hour) the authoritative layer's row, else the other layer's, marked as a
     * fallback. Ordered by product, then hour.
     */
    public static List<ServedRow> merge(Collection<ViewRow> batch, Collection<ViewRow> stream,
                                        OptionalLong batchWatermark, int hours) {
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
                .map(key -> serve(key, batchRows.get(key), streamRows.get(key), batchWatermark))
                .toList();
    }

    /** One (product, hour): the authoritative layer's row if it has one, else the other's (either may be null). */
    public static ServedRow serve(ProductHour key, ViewRow batch, ViewRow stream, OptionalLong batchWatermark) {
        Layer wanted = authoritative(key.timestampHour(), batchWatermark);
        ViewRow preferred = wanted == Layer.BATCH ? batch : stream;
        if (preferred != null) {
            return served(preferred, wanted, false);
        }
        ViewRow other = wanted == Layer.BATCH ? stream : batch;
        if (other == null) {
            throw new IllegalArgumentException("Neither layer has a row for " + key);
        }
        return served(other, wanted == Layer.BATCH ? Layer.STREAM : Layer.BATCH, true);
    }

    /**
     * Per product over {@code rows}: the counts summed and the visitors estimated from the union of
     * the rows' sketches, never a sum of estimates (a visitor active in two hours is one visitor).
     */
    public static List<ServedTotal> totals(List<ServedRow> rows) {
        Map<String, List<ServedRow>> byProduct = rows.stream()
                .collect(Collectors.groupingBy(ServedRow::product, TreeMap::new, Collectors.toList()));
        return byProduct.entrySet().stream().map(e -> total(e.getKey(), e.getValue())).toList();
    }

    private static ServedTotal total(String product, List<ServedRow> rows) {
        byte[] union = VisitorSketches.union(rows.stream().map(ServedRow::visitorsSketch).toList());
        return new ServedTotal(product, rows.size(),
                rows.stream().mapToLong(ServedRow::purchaseCount).sum(),
                rows.stream().mapToLong(ServedRow::addToCartCount).sum(),
                rows.stream().mapToLong(ServedRow::pageViewCount).sum(),
                VisitorSketches.estimate(union));
    }

    private static ServedRow served(ViewRow row, Layer layer, boolean fallback) {
        return new ServedRow(row.key(), layer, fallback, row.purchaseCount(), row.addToCartCount(),
                row.pageViewCount(), VisitorSketches.estimate(row.visitorsSketch()), row.visitorsSketch());
    }

    private static Map<ProductHour, ViewRow> byKey(Collection<ViewRow> rows) {
        return rows.stream().collect(Collectors.toMap(ViewRow::key, Function.identity()));
    }
}
