package lambdalab.course.exercises.visitors;

import java.io.Serializable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Exercise 05.visitor-sketches: the visitors half of the views. Given events with the course's
 * columns ({@code product}, {@code timestamp_hour}, {@code visitor}, ...), return one row per
 * (product, timestamp_hour) with {@code visitors_sketch}, a HyperLogLog sketch of its visitors as
 * the views store it (DataSketches, lgK 12), and {@code unique_visitors}, that sketch's estimate.
 */
@FunctionalInterface
public interface VisitorSketching extends Serializable {

    Dataset<Row> sketchVisitors(Dataset<Row> events);
}
