package lambdalab.course.exercises.batch;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import lambdalab.course.batch.EventColumns;
import lambdalab.course.batch.ViewAggregation;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The reference solution of {@link ActionCounting}: one pass over the events, grouped by product
 * and hour, each action counted by summing 1 where the row is that action and 0 elsewhere. The
 * batch and speed layers count with {@link #countOf} (in {@link ViewAggregation}).
 */
public final class ActionCountingSolution implements ActionCounting {

    @Override
    public Dataset<Row> countActions(Dataset<Row> events) {
        return events.groupBy(col(EventColumns.PRODUCT), col(EventColumns.TIMESTAMP_HOUR)).agg(
                countOf("purchase").as(ViewAggregation.PURCHASE_COUNT),
                countOf("add_to_cart").as(ViewAggregation.ADD_TO_CART_COUNT),
                countOf("page_view").as(ViewAggregation.PAGE_VIEW_COUNT));
    }

    /** The number of rows of the group whose action is {@code action}: a sum of 1s and 0s, never null. */
    public static Column countOf(String action) {
        return sum(when(col(EventColumns.ACTION).equalTo(action), 1L).otherwise(0L));
    }
}
