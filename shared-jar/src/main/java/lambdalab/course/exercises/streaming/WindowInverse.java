package lambdalab.course.exercises.streaming;

import lambdalab.course.speed.ActionCounts;
import org.apache.spark.api.java.function.Function2;

/**
 * Exercise 04.window-inverse: the inverse function the speed layer's sliding window runs with
 * ({@code reduceByKeyAndWindow(reduce, inverse, window, slide)}). Each slide, Spark takes the
 * previous window's counts per product, adds the batch that enters and applies this function with
 * the counts of the batch that leaves: {@code call(window, leaving)} returns the window without the
 * leaving batch. Spark then touches two batches per slide instead of the whole window.
 */
@FunctionalInterface
public interface WindowInverse extends Function2<ActionCounts, ActionCounts, ActionCounts> {
}
