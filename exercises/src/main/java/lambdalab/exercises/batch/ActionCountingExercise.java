package lambdalab.exercises.batch;

import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.batch.ActionCounting;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Exercise 03.action-counts (note 03, "The batch layer"): per (product, timestamp_hour), the columns
 * purchase_count, add_to_cart_count and page_view_count. Run ActionCountingExerciseTest to check it;
 * the hints are in the note, the solution in the shared jar (ActionCountingSolution).
 */
public class ActionCountingExercise implements ActionCounting {

    @Override
    public Dataset<Row> countActions(Dataset<Row> events) {
        throw new MissingSolutionException();
    }
}
