package lambdalab.course.exercises.batch;

import java.io.Serializable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Exercise 03.action-counts: the heart of the batch layer's activity view. Given events with the
 * course's columns ({@code product}, {@code timestamp_hour}, {@code action}, ...), return one row
 * per (product, timestamp_hour) with the columns {@code purchase_count}, {@code add_to_cart_count}
 * and {@code page_view_count} (longs, 0 where an action did not occur).
 */
@FunctionalInterface
public interface ActionCounting extends Serializable {

    Dataset<Row> countActions(Dataset<Row> events);
}
