package lambdalab.exercises.visitors;

import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.visitors.VisitorTotals;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Exercise 05.visitors-over-hours (note 05, "Approximate unique visitors"): from hourly view rows,
 * one row per product with its unique_visitors over all the hours. Run VisitorTotalsExerciseTest to
 * check it; the hints are in the note, the solution in the shared jar (VisitorTotalsSolution).
 */
public class VisitorTotalsExercise implements VisitorTotals {

    @Override
    public Dataset<Row> totalVisitors(Dataset<Row> hourlyRows) {
        throw new MissingSolutionException();
    }
}
