package lambdalab.exercises.visitors;

import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.visitors.VisitorSketching;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Exercise 05.visitor-sketches (note 05, "Approximate unique visitors"): per (product,
 * timestamp_hour), the columns visitors_sketch (an HLL sketch, lgK 12) and unique_visitors (its
 * estimate). Run VisitorSketchingExerciseTest to check it; the hints are in the note, the solution
 * in the shared jar (VisitorSketchingSolution).
 */
public class VisitorSketchingExercise implements VisitorSketching {

    @Override
    public Dataset<Row> sketchVisitors(Dataset<Row> events) {
        throw new MissingSolutionException();
    }
}
