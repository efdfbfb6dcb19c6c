package lambdalab.course.exercises.serving;

import java.io.Serializable;
import java.util.List;
import lambdalab.course.serving.ServedRow;
import lambdalab.course.serving.ServedTotal;

/**
 * Exercise 08.sketch-totals: a product's total over the hours the serving layer answered (rows from
 * either layer): the number of hours, each count summed, and the unique visitors of all those hours.
 */
@FunctionalInterface
public interface ServedTotals extends Serializable {

    ServedTotal total(String product, List<ServedRow> rows);
}
