package lambdalab.exercises.serving;

import java.util.List;
import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.serving.ServedTotals;
import lambdalab.course.serving.ServedRow;
import lambdalab.course.serving.ServedTotal;

/**
 * Exercise 08.sketch-totals (note 08, "The serving layer"): a product's total over served hours:
 * hours, summed counts, and the unique visitors of all of them. Run ServedTotalsExerciseTest to
 * check it; the hints are in the note, the solution in the shared jar (ServedTotalsSolution).
 */
public class ServedTotalsExercise implements ServedTotals {

    @Override
    public ServedTotal total(String product, List<ServedRow> rows) {
        throw new MissingSolutionException();
    }
}
