package lambdalab.course.exercises.visitors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hll_sketch_estimate;
import static org.apache.spark.sql.functions.hll_union_agg;

import lambdalab.course.batch.EventColumns;
import lambdalab.course.batch.ViewAggregation;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The reference solution of {@link VisitorTotals}: the union of the hourly sketches, then its
 * estimate. A visitor who came in several hours is in several sketches and once in their union; the
 * serving layer's totals merge the same way ({@code ViewMerge.totals}).
 */
public final class VisitorTotalsSolution implements VisitorTotals {

    @Override
    public Dataset<Row> totalVisitors(Dataset<Row> hourlyRows) {
        return hourlyRows.groupBy(col(EventColumns.PRODUCT))
                .agg(hll_sketch_estimate(hll_union_agg(col(ViewAggregation.VISITORS_SKETCH))).as(ViewAggregation.UNIQUE_VISITORS));
    }
}
