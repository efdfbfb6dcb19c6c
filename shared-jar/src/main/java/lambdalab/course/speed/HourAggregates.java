package lambdalab.course.speed;

import lambdalab.course.batch.EventColumns;
import lambdalab.course.batch.ViewAggregation;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.clickstream.ProductHour;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * One batch of a stream aggregated per (product, hour) exactly as the batch layer aggregates (its
 * {@link ViewAggregation}): what the speed layer merges into its state, and what note 04's file
 * stream computes per batch.
 */
public final class HourAggregates {

    private HourAggregates() {
    }

    public static JavaPairRDD<ProductHour, HourAggregate> of(JavaRDD<ClickEvent> events) {
        SparkSession spark = SpeedLayerRuntime.session(events.context());
        Dataset<Row> rows = spark.createDataFrame(events.map(ViewAggregation::inputRow), ViewAggregation.INPUT_SCHEMA);
        return ViewAggregation.aggregate(rows).toJavaRDD().mapToPair(row -> new Tuple2<>(
                new ProductHour(row.getAs(EventColumns.PRODUCT), row.<Long>getAs(EventColumns.TIMESTAMP_HOUR)),
                new HourAggregate(row.<Long>getAs(ViewAggregation.PURCHASE_COUNT),
                        row.<Long>getAs(ViewAggregation.ADD_TO_CART_COUNT),
                        row.<Long>getAs(ViewAggregation.PAGE_VIEW_COUNT),
                        row.<byte[]>getAs(ViewAggregation.VISITORS_SKETCH))));
    }
}
