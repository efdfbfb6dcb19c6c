package lambdalab.course.exercises.batch;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import lambdalab.course.batch.EventColumns;
import lambdalab.course.batch.ViewAggregation;
import lambdalab.course.clickstream.HourlyActivity;
import lambdalab.course.clickstream.ProductHour;
import lambdalab.course.exercises.Check;
import lambdalab.course.exercises.SampleEvents;
import lambdalab.course.exercises.WrongAnswer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Checks an {@link ActionCounting} on four hours of generated events against their exact counts,
 * and names the usual mistakes: counting every row, a missing {@code otherwise(0)}, grouping by
 * product only, swapped columns, events counted twice.
 */
public final class ActionCountingCheck implements Check<ActionCounting> {

    private static final long EVENTS = 30_000;
    private static final long START = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
    private static final List<String> COUNTS = List.of(ViewAggregation.PURCHASE_COUNT,
            ViewAggregation.ADD_TO_CART_COUNT, ViewAggregation.PAGE_VIEW_COUNT);

    @Override
    public String verify(ActionCounting attempt) {
        SampleEvents sample = SampleEvents.of(EVENTS, 3, START);
        Dataset<Row> result = attempt.countActions(sample.dataset(SampleEvents.spark()));
        requireColumns(result);
        List<Row> rows = result.select(EventColumns.PRODUCT, EventColumns.TIMESTAMP_HOUR,
                COUNTS.get(0), COUNTS.get(1), COUNTS.get(2)).collectAsList();
        SortedMap<ProductHour, HourlyActivity> truth = sample.truth();
        Map<ProductHour, long[]> counted = byKey(rows);
        requireOneRowPerGroup(rows, counted, truth);
        compare(counted, truth);
        return String.format(Locale.ROOT, "%,d (product, hour) rows equal the exact counts of %,d events", truth.size(),
                EVENTS);
    }

    private static void requireColumns(Dataset<Row> result) {
        List<String> columns = Arrays.asList(result.columns());
        for (String needed : List.of(EventColumns.PRODUCT, EventColumns.TIMESTAMP_HOUR, COUNTS.get(0), COUNTS.get(1),
                COUNTS.get(2))) {
            if (!columns.contains(needed)) {
                throw new WrongAnswer("the result has no column `" + needed + "` (it has " + columns + "): keep the "
                        + "grouping columns and name each count, e.g. `.as(\"" + ViewAggregation.PURCHASE_COUNT + "\")`");
            }
        }
    }

    private static Map<ProductHour, long[]> byKey(List<Row> rows) {
        Map<ProductHour, long[]> counted = new HashMap<>();
        for (Row row : rows) {
            for (int i = 2; i < 5; i++) {
                if (row.isNullAt(i)) {
                    throw new WrongAnswer("`" + COUNTS.get(i - 2) + "` is null for " + row.getString(0) + " at "
                            + Instant.ofEpochMilli(row.getLong(1)) + ", an hour without that action: a sum of "
                            + "`when(...)` without `.otherwise(0)` adds up only nulls there; write "
                            + "sum(when(condition, 1).otherwise(0))");
                }
            }
            counted.put(new ProductHour(row.getString(0), row.getLong(1)), new long[] {
                    ((Number) row.get(2)).longValue(), ((Number) row.get(3)).longValue(), ((Number) row.get(4)).longValue()});
        }
        return counted;
    }

    private static void requireOneRowPerGroup(List<Row> rows, Map<ProductHour, long[]> counted,
                                              SortedMap<ProductHour, HourlyActivity> truth) {
        if (rows.size() > counted.size()) {
            throw new WrongAnswer(String.format(Locale.ROOT, "%,d rows for %,d (product, hour) pairs: a pair has "
                    + "several rows; group by product and timestamp_hour only (not by the action too)",
                    rows.size(), counted.size()));
        }
        long products = truth.keySet().stream().map(ProductHour::product).distinct().count();
        if (counted.size() < truth.size() && counted.size() <= products) {
            throw new WrongAnswer(String.format(Locale.ROOT, "%,d rows where the truth has %,d: about one per product, "
                    + "as if the hours were added together; group by timestamp_hour as well as product",
                    counted.size(), truth.size()));
        }
        if (counted.size() != truth.size()) {
            throw new WrongAnswer(String.format(Locale.ROOT, "%,d rows where the truth has %,d (product, hour) pairs: "
                    + "did you filter events out, or group by another column?", counted.size(), truth.size()));
        }
    }

    private static void compare(Map<ProductHour, long[]> counted, SortedMap<ProductHour, HourlyActivity> truth) {
        int allRows = 0;
        int doubled = 0;
        int[][] matchesColumn = new int[3][3]; // [result column][truth column]: rows where they are equal
        String firstDifference = null;
        for (Map.Entry<ProductHour, HourlyActivity> entry : truth.entrySet()) {
            long[] got = counted.get(entry.getKey());
            if (got == null) {
                throw new WrongAnswer("no row for " + entry.getKey().product() + " at "
                        + Instant.ofEpochMilli(entry.getKey().timestampHour()) + ", which has events");
            }
            long[] expected = {entry.getValue().purchaseCount(), entry.getValue().addToCartCount(),
                    entry.getValue().pageViewCount()};
            long total = entry.getValue().totalEvents();
            if (got[0] == total && got[1] == total && got[2] == total) {
                allRows++;
            }
            if (got[0] == 2 * expected[0] && got[1] == 2 * expected[1] && got[2] == 2 * expected[2]) {
                doubled++;
            }
            for (int column = 0; column < 3; column++) {
                for (int other = 0; other < 3; other++) {
                    matchesColumn[column][other] += got[column] == expected[other] ? 1 : 0;
                }
            }
            if (firstDifference == null && !Arrays.equals(got, expected)) {
                firstDifference = entry.getKey().product() + " at " + Instant.ofEpochMilli(entry.getKey().timestampHour())
                        + ": expected " + Arrays.toString(expected) + ", got " + Arrays.toString(got);
            }
        }
        int groups = truth.size();
        if (firstDifference == null) {
            return;
        }
        if (allRows == groups) {
            throw new WrongAnswer("every count equals the group's number of events: count() or sum(1) counts every "
                    + "row; count only the rows of that action, sum(when(col(\"action\").equalTo(\"purchase\"), 1)"
                    + ".otherwise(0))");
        }
        if (doubled == groups) {
            throw new WrongAnswer("every count is exactly twice the truth: each event was counted twice (a union "
                    + "of the events with themselves, or a join that matched every row twice)");
        }
        for (int column = 0; column < 3; column++) {
            for (int other = 0; other < 3; other++) {
                if (other != column && matchesColumn[column][other] == groups && matchesColumn[column][column] < groups) {
                    throw new WrongAnswer("`" + COUNTS.get(column) + "` holds the " + COUNTS.get(other)
                            + " of every group: the columns are swapped (the action names are purchase, add_to_cart, "
                            + "page_view)");
                }
            }
        }
        throw new WrongAnswer("counts differ from the truth, e.g. " + firstDifference
                + " (purchase, add to cart, page view)");
    }
}
