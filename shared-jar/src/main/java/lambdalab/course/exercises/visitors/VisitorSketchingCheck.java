package lambdalab.course.exercises.visitors;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import lambdalab.course.batch.EventColumns;
import lambdalab.course.batch.ViewAggregation;
import lambdalab.course.clickstream.HourlyActivity;
import lambdalab.course.clickstream.ProductHour;
import lambdalab.course.exercises.Check;
import lambdalab.course.exercises.SampleEvents;
import lambdalab.course.exercises.WrongAnswer;
import lambdalab.course.views.TruthComparison;
import org.apache.datasketches.hll.HllSketch;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Checks a {@link VisitorSketching} on four hours of generated events from 100 visitors (who come
 * back within an hour): one row per (product, hour),
 * a DataSketches HLL sketch with the views' lgK in each, its estimate as {@code unique_visitors},
 * and estimates within the sketch's error of the exact visitors. Names the usual mistakes: a number
 * instead of a sketch, another lgK, an estimate that is not the sketch's, counting events.
 */
public final class VisitorSketchingCheck implements Check<VisitorSketching> {

    private static final long EVENTS = 30_000;
    /** Few enough that visitors come back within an hour: counting events then differs from counting visitors. */
    private static final int VISITORS = 100;
    private static final long START = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();

    @Override
    public String verify(VisitorSketching attempt) {
        SampleEvents sample = SampleEvents.of(EVENTS, 5, START, VISITORS);
        Dataset<Row> result = attempt.sketchVisitors(sample.dataset(SampleEvents.spark()));
        requireColumns(result);
        List<Row> rows = result.select(EventColumns.PRODUCT, EventColumns.TIMESTAMP_HOUR, ViewAggregation.VISITORS_SKETCH,
                ViewAggregation.UNIQUE_VISITORS).collectAsList();
        SortedMap<ProductHour, HourlyActivity> truth = sample.truth();
        if (rows.size() != truth.size()) {
            throw new WrongAnswer(rows.size() + " rows for " + truth.size() + " (product, hour) groups: one row per "
                    + "(product, timestamp_hour), grouped by both columns");
        }
        int off = 0;
        String example = "";
        for (Row row : rows) {
            ProductHour key = new ProductHour(row.getString(0), row.getLong(1));
            HourlyActivity exact = truth.get(key);
            if (exact == null) {
                throw new WrongAnswer("a row for " + key.product() + " at " + Instant.ofEpochMilli(key.timestampHour())
                        + ", a (product, hour) without events: keep product and timestamp_hour as they are");
            }
            long estimate = Math.round(sketchOf(row.getAs(2)).getEstimate());
            requireTheSketchesEstimate(row.getLong(3), estimate, exact);
            if (!TruthComparison.visitorsWithinError(estimate, exact.uniqueVisitors())) {
                off++;
                example = key.product() + " at " + Instant.ofEpochMilli(key.timestampHour()) + ": " + estimate
                        + " estimated, " + exact.uniqueVisitors() + " exact";
            }
        }
        if (off > 0) {
            throw new WrongAnswer(off + " of " + rows.size() + " sketches estimate more than 5 standard errors away from "
                    + "their exact visitors (" + example + "): sketch the `visitor` column");
        }
        return String.format(Locale.ROOT, "%,d (product, hour) rows: lgK %d sketches whose estimates are within the "
                + "sketch's error of the exact visitors", rows.size(), ViewAggregation.LG_CONFIG_K);
    }

    private static void requireColumns(Dataset<Row> result) {
        List<String> columns = Arrays.asList(result.columns());
        for (String needed : List.of(EventColumns.PRODUCT, EventColumns.TIMESTAMP_HOUR, ViewAggregation.VISITORS_SKETCH,
                ViewAggregation.UNIQUE_VISITORS)) {
            if (!columns.contains(needed)) {
                throw new WrongAnswer("the result has no column `" + needed + "` (it has " + columns + ")"
                        + (needed.equals(ViewAggregation.VISITORS_SKETCH) ? ": a view keeps the sketch itself, "
                        + "approx_count_distinct gives only a number" : ""));
            }
        }
        var sketchType = result.schema().apply(ViewAggregation.VISITORS_SKETCH).dataType();
        if (!sketchType.equals(DataTypes.BinaryType)) {
            throw new WrongAnswer("`visitors_sketch` is a " + sketchType.simpleString() + ", not the sketch's bytes: "
                    + "numbers of distinct visitors cannot be merged across hours, sketches can (hll_sketch_agg)");
        }
    }

    private static HllSketch sketchOf(byte[] bytes) {
        HllSketch sketch;
        try {
            sketch = HllSketch.heapify(bytes);
        } catch (RuntimeException e) {
            throw new WrongAnswer("`visitors_sketch` holds " + bytes.length + " bytes that are no DataSketches HLL sketch: "
                    + "build it with hll_sketch_agg", e);
        }
        if (sketch.getLgConfigK() != ViewAggregation.LG_CONFIG_K) {
            throw new WrongAnswer(String.format(Locale.ROOT, "the sketches have lgK %d, the views' have %d: a union of "
                            + "sketches takes the smallest lgK among them, so one coarser sketch makes every total it joins "
                            + "coarser (standard error 1.04/sqrt(2^lgK): %.1f%% instead of %.1f%%)", sketch.getLgConfigK(),
                    ViewAggregation.LG_CONFIG_K, 104 / Math.sqrt(1 << sketch.getLgConfigK()),
                    100 * ViewAggregation.RELATIVE_STANDARD_ERROR));
        }
        return sketch;
    }

    private static void requireTheSketchesEstimate(long uniqueVisitors, long estimate, HourlyActivity exact) {
        if (uniqueVisitors == estimate) {
            return;
        }
        if (uniqueVisitors == exact.totalEvents() && exact.totalEvents() != exact.uniqueVisitors()) {
            throw new WrongAnswer("`unique_visitors` counts the events of each group (" + uniqueVisitors + " for "
                    + exact.key().product() + "), not its distinct visitors: a visitor with several events counts once");
        }
        throw new WrongAnswer("`unique_visitors` is " + uniqueVisitors + " where its own sketch estimates " + estimate
                + " (" + exact.key().product() + "): read it from the sketch (hll_sketch_estimate), so that a row's "
                + "number and sketch always agree");
    }
}
