package lambdalab.course.exercises.visitors;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import lambdalab.course.batch.EventColumns;
import lambdalab.course.batch.ViewAggregation;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.exercises.Check;
import lambdalab.course.exercises.SampleEvents;
import lambdalab.course.exercises.WrongAnswer;
import lambdalab.course.views.TruthComparison;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Checks a {@link VisitorTotals} on eight hours of generated events from a small pool of visitors,
 * who come back hour after hour: each product's total must be within the sketch's error of its
 * exact distinct visitors. Names the usual mistakes: the sum of the hourly estimates (which counts a
 * returning visitor once per hour), the largest hour alone, one row per hour.
 */
public final class VisitorTotalsCheck implements Check<VisitorTotals> {

    private static final long EVENTS = 60_000;
    private static final int VISITORS = 400;
    private static final long START = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();

    @Override
    public String verify(VisitorTotals attempt) {
        SampleEvents sample = SampleEvents.of(EVENTS, 6, START, VISITORS);
        Dataset<Row> hourly = new VisitorSketchingSolution().sketchVisitors(sample.dataset(SampleEvents.spark())).cache();
        Map<String, long[]> hourlySumAndMax = sumAndMax(hourly);
        Dataset<Row> result = attempt.totalVisitors(hourly);
        requireColumns(result);
        Map<String, Long> totals = oneRowPerProduct(result.select(EventColumns.PRODUCT, ViewAggregation.UNIQUE_VISITORS)
                .collectAsList());
        Map<String, Integer> exact = exactVisitors(sample.events());
        int off = 0;
        int sums = 0;
        int maxima = 0;
        String example = "";
        for (Map.Entry<String, Integer> product : exact.entrySet()) {
            Long total = totals.get(product.getKey());
            if (total == null) {
                throw new WrongAnswer("no row for product " + product.getKey() + ": one row per product of the input");
            }
            if (!TruthComparison.visitorsWithinError(total, product.getValue())) {
                off++;
                long[] hours = hourlySumAndMax.get(product.getKey());
                sums += total == hours[0] ? 1 : 0;
                maxima += total == hours[1] ? 1 : 0;
                example = product.getKey() + ": " + total + ", exactly " + product.getValue();
            }
        }
        if (off > 0) {
            throw new WrongAnswer(diagnosis(off, sums, maxima, exact.size(), example));
        }
        long sumOfHours = hourlySumAndMax.values().stream().mapToLong(hours -> hours[0]).sum();
        long exactTotal = exact.values().stream().mapToLong(Integer::longValue).sum();
        return String.format(Locale.ROOT, "%,d products over 8 hours: every total within the sketch's error of its exact "
                + "visitors (summing the hourly estimates would give %.0f%% too many)", exact.size(),
                100.0 * (sumOfHours - exactTotal) / exactTotal);
    }

    private static String diagnosis(int off, int sums, int maxima, int products, String example) {
        String head = off + " of " + products + " products' totals are more than 5 standard errors away from their exact "
                + "visitors (" + example + ")";
        if (sums == off) {
            return head + ": every one is the sum of its hourly estimates, which counts a visitor who came back in "
                    + "another hour once per hour. Merge the hourly sketches (hll_union_agg) and estimate the union";
        }
        if (maxima == off) {
            return head + ": every one is its largest hour alone, which misses the visitors of the other hours. Merge "
                    + "the hourly sketches (hll_union_agg) and estimate the union";
        }
        return head;
    }

    private static void requireColumns(Dataset<Row> result) {
        List<String> columns = Arrays.asList(result.columns());
        for (String needed : List.of(EventColumns.PRODUCT, ViewAggregation.UNIQUE_VISITORS)) {
            if (!columns.contains(needed)) {
                throw new WrongAnswer("the result has no column `" + needed + "` (it has " + columns + ")");
            }
        }
    }

    private static Map<String, Long> oneRowPerProduct(List<Row> rows) {
        Map<String, Long> totals = new HashMap<>();
        for (Row row : rows) {
            if (totals.put(row.getString(0), ((Number) row.get(1)).longValue()) != null) {
                throw new WrongAnswer("several rows for product " + row.getString(0) + ": one row per product, over all "
                        + "the hours given (group by product only)");
            }
        }
        return totals;
    }

    /** Per product: the sum and the largest of its hourly estimates, the two usual wrong totals. */
    private static Map<String, long[]> sumAndMax(Dataset<Row> hourly) {
        Map<String, long[]> result = new HashMap<>();
        for (Row row : hourly.select(EventColumns.PRODUCT, ViewAggregation.UNIQUE_VISITORS).collectAsList()) {
            long[] hours = result.computeIfAbsent(row.getString(0), product -> new long[2]);
            hours[0] += row.getLong(1);
            hours[1] = Math.max(hours[1], row.getLong(1));
        }
        return result;
    }

    private static Map<String, Integer> exactVisitors(List<ClickEvent> events) {
        Map<String, Set<String>> visitors = new HashMap<>();
        for (ClickEvent event : events) {
            visitors.computeIfAbsent(event.product(), product -> new HashSet<>()).add(event.visitor());
        }
        Map<String, Integer> counts = new HashMap<>();
        visitors.forEach((product, set) -> counts.put(product, set.size()));
        return counts;
    }
}
