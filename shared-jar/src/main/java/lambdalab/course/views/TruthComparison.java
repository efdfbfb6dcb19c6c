package lambdalab.course.views;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;
import lambdalab.course.batch.ViewAggregation;
import lambdalab.course.clickstream.HourlyActivity;
import lambdalab.course.clickstream.ProductHour;

/**
 * A view's rows against the generator's ground truth, one line per (product, hour) that differs and
 * how: the check of the notes, the drills and the tests. Counts must be exact; unique visitors within
 * five standard errors of the views' sketch, plus one. A (product, hour) missing on either side is a
 * difference too.
 */
public final class TruthComparison {

    private TruthComparison() {
    }

    /** The differences of {@code view} (rows with their unique-visitor estimates) from {@code truth}. */
    public static List<String> differences(Collection<HourlyActivity> view, SortedMap<ProductHour, HourlyActivity> truth) {
        return differences(view, truth, key -> "");
    }

    /**
     * @param origin where a row comes from, named in its line (e.g. " from the batch layer"); "" for nothing
     */
    public static List<String> differences(Collection<HourlyActivity> view, SortedMap<ProductHour, HourlyActivity> truth,
                                           Function<ProductHour, String> origin) {
        Map<ProductHour, HourlyActivity> byKey = new HashMap<>();
        view.forEach(row -> byKey.put(row.key(), row));
        List<String> differences = new ArrayList<>();
        for (HourlyActivity expected : truth.values()) {
            HourlyActivity row = byKey.remove(expected.key());
            if (row == null) {
                differences.add(name(expected.key()) + ": missing (the truth has " + expected.totalEvents() + " events)");
            } else if (!sameCounts(row, expected)) {
                differences.add(name(expected.key()) + origin.apply(row.key()) + ": " + counts(row) + ", truth " + counts(expected)
                        + countsHint(row, expected));
            } else if (!visitorsWithinError(row.uniqueVisitors(), expected.uniqueVisitors())) {
                differences.add(name(expected.key()) + origin.apply(row.key()) + ": " + row.uniqueVisitors()
                        + " unique visitors, truth " + expected.uniqueVisitors());
            }
        }
        byKey.keySet().forEach(key -> differences.add(name(key) + origin.apply(key) + ": a row, but the truth has no event in it"));
        return differences;
    }

    /** One line for a comparison: EQUAL with the row count, or how many rows differ and the first few. */
    public static String summary(List<String> differences, int truthRows) {
        if (differences.isEmpty()) {
            return String.format("EQUAL: %,d (product, hour) rows", truthRows);
        }
        return String.format("DIFFERENT: %,d of %,d (product, hour) rows differ, e.g.%n  %s", differences.size(), truthRows,
                String.join("\n  ", differences.subList(0, Math.min(5, differences.size()))));
    }

    /** Whether an estimate of distinct visitors is as close to the exact count as the sketch promises. */
    public static boolean visitorsWithinError(long estimate, long exact) {
        return Math.abs(estimate - exact) <= 5 * ViewAggregation.RELATIVE_STANDARD_ERROR * exact + 1;
    }

    private static String name(ProductHour key) {
        return key.product() + " " + Instant.ofEpochMilli(key.timestampHour());
    }

    private static boolean sameCounts(HourlyActivity row, HourlyActivity expected) {
        return row.purchaseCount() == expected.purchaseCount() && row.addToCartCount() == expected.addToCartCount()
                && row.pageViewCount() == expected.pageViewCount();
    }

    private static String counts(HourlyActivity row) {
        return row.purchaseCount() + "/" + row.addToCartCount() + "/" + row.pageViewCount() + " (purchases/carts/views)";
    }

    /** The two mistakes with a tell-tale sign: everything twice (a replay added again), or a part missing. */
    private static String countsHint(HourlyActivity row, HourlyActivity expected) {
        if (row.totalEvents() == 2 * expected.totalEvents()) {
            return ": exactly twice, events counted again";
        }
        if (row.totalEvents() < expected.totalEvents()) {
            return ": " + (expected.totalEvents() - row.totalEvents()) + " events short";
        }
        return ": " + (row.totalEvents() - expected.totalEvents()) + " events too many";
    }
}
