package lambdalab.course.batch;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.exercises.batch.ActionCountingSolution;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The one aggregation of the course, shared by the batch layer, the speed layer and Kappa: per
 * (product, hour) the count of each action and a HyperLogLog sketch of the visitors (Spark's
 * built-in DataSketches HLL), from which the views are projected.
 */
public final class ViewAggregation {

    /** log2 of the sketch's buckets: 4,096 buckets, about 1.6% standard error (3.2% at 2 sigma). */
    public static final int LG_CONFIG_K = 12;
    /** The relative standard error of an estimate: 1.04 / sqrt(2^LG_CONFIG_K). */
    public static final double RELATIVE_STANDARD_ERROR = 1.04 / Math.sqrt(1 << LG_CONFIG_K);

    public static final String PURCHASE_COUNT = "purchase_count";
    public static final String ADD_TO_CART_COUNT = "add_to_cart_count";
    public static final String PAGE_VIEW_COUNT = "page_view_count";
    public static final String UNIQUE_VISITORS = "unique_visitors";
    public static final String VISITORS_SKETCH = "visitors_sketch";

    /**
     * The event columns {@link #aggregate} reads without {@code more} aggregates: a job that builds
     * its rows from events builds these alone. Spark converts every column of the rows it is handed
     * and cannot leave out those a query never reads: rows of the whole event held six strings, of
     * which the aggregation reads three.
     */
    public static final StructType INPUT_SCHEMA = new StructType(new StructField[] {
            EventColumns.SCHEMA.apply(EventColumns.PRODUCT), EventColumns.SCHEMA.apply(EventColumns.TIMESTAMP_HOUR),
            EventColumns.SCHEMA.apply(EventColumns.ACTION), EventColumns.SCHEMA.apply(EventColumns.VISITOR)});

    private ViewAggregation() {
    }

    /** An event as a row of {@link #INPUT_SCHEMA}. */
    public static Row inputRow(ClickEvent event) {
        return RowFactory.create(event.product(), event.hourBucket(), event.action().wireName(), event.visitor());
    }

    /**
     * Per (product, timestamp_hour): the three action counts and the visitors sketch, and any
     * {@code more} aggregates of the group a layer keeps beside them (the batch layer: the sources).
     * The counts are those of exercise 03.action-counts's reference solution.
     */
    public static Dataset<Row> aggregate(Dataset<Row> events, Column... more) {
        List<Column> aggregates = new ArrayList<>(List.of(
                ActionCountingSolution.countOf("add_to_cart").as(ADD_TO_CART_COUNT),
                ActionCountingSolution.countOf("page_view").as(PAGE_VIEW_COUNT),
                expr("hll_sketch_agg(" + EventColumns.VISITOR + ", " + LG_CONFIG_K + ")").as(VISITORS_SKETCH)));
        aggregates.addAll(List.of(more));
        return events.groupBy(col(EventColumns.PRODUCT), col(EventColumns.TIMESTAMP_HOUR))
                .agg(ActionCountingSolution.countOf("purchase").as(PURCHASE_COUNT), aggregates.toArray(Column[]::new));
    }

    /** The activity view ({@code *_activity_by_product}) of an aggregate, with {@code more} of its columns. */
    public static Dataset<Row> activity(Dataset<Row> aggregate, String... more) {
        return aggregate.select(withMore(List.of(col(EventColumns.PRODUCT), col(EventColumns.TIMESTAMP_HOUR),
                col(PURCHASE_COUNT), col(ADD_TO_CART_COUNT), col(PAGE_VIEW_COUNT)), more));
    }

    /**
     * The visitors view ({@code *_visitors_by_product}) of an aggregate: the estimate beside its
     * sketch, with {@code more} of its columns.
     */
    public static Dataset<Row> visitors(Dataset<Row> aggregate, String... more) {
        return aggregate.select(withMore(List.of(col(EventColumns.PRODUCT), col(EventColumns.TIMESTAMP_HOUR),
                expr("hll_sketch_estimate(" + VISITORS_SKETCH + ")").as(UNIQUE_VISITORS), col(VISITORS_SKETCH)), more));
    }

    private static Column[] withMore(List<Column> columns, String... more) {
        List<Column> all = new ArrayList<>(columns);
        Arrays.stream(more).map(functions::col).forEach(all::add);
        return all.toArray(Column[]::new);
    }
}
