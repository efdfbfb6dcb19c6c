package lambdalab.course.exercises.visitors;

import java.io.Serializable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Exercise 05.visitors-over-hours: the unique visitors of a product over several hours, from the
 * view's hourly rows ({@code product}, {@code timestamp_hour}, {@code unique_visitors},
 * {@code visitors_sketch}): one row per product with {@code unique_visitors} over all the hours given.
 */
@FunctionalInterface
public interface VisitorTotals extends Serializable {

    Dataset<Row> totalVisitors(Dataset<Row> hourlyRows);
}
