package lambdalab.course.exercises.visitors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hll_sketch_agg;
import static org.apache.spark.sql.functions.hll_sketch_estimate;

import lambdalab.course.batch.EventColumns;
import lambdalab.course.batch.ViewAggregation;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The reference solution of {@link VisitorSketching}: a sketch per group with the views' lgK, and
 * the estimate read from the sketch, so that the number and the sketch of a row always agree. The
 * batch and speed layers build the same sketch in {@link ViewAggregation}, in the pass that counts.
 */
public final class VisitorSketchingSolution implements VisitorSketching {

    @Override
    public Dataset<Row> sketchVisitors(Dataset<Row> events) {
        return events.groupBy(col(EventColumns.PRODUCT), col(EventColumns.TIMESTAMP_HOUR))
                .agg(hll_sketch_agg(col(EventColumns.VISITOR), ViewAggregation.LG_CONFIG_K).as(ViewAggregation.VISITORS_SKETCH))
                .withColumn(ViewAggregation.UNIQUE_VISITORS, hll_sketch_estimate(col(ViewAggregation.VISITORS_SKETCH)));
    }
}
