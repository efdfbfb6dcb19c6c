package lambdalab.course.exercises.serving;

import java.util.List;
import lambdalab.course.serving.ServedRow;
import lambdalab.course.serving.ServedTotal;
import lambdalab.course.sketches.VisitorSketches;

/**
 * The reference solution of {@link ServedTotals}, the serving layer's own ({@code ViewMerge.totals}):
 * counts add up, visitors do not; the union of the rows' sketches is estimated once, whichever layer
 * each row came from (both build the same sketches).
 */
public final class ServedTotalsSolution implements ServedTotals {

    @Override
    public ServedTotal total(String product, List<ServedRow> rows) {
        byte[] union = VisitorSketches.union(rows.stream().map(ServedRow::visitorsSketch).toList());
        return new ServedTotal(product, rows.size(),
                rows.stream().mapToLong(ServedRow::purchaseCount).sum(),
                rows.stream().mapToLong(ServedRow::addToCartCount).sum(),
                rows.stream().mapToLong(ServedRow::pageViewCount).sum(),
                VisitorSketches.estimate(union));
    }
}
