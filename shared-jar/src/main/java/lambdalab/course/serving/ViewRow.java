package lambdalab.course.serving;

import java.util.Map;
import java.util.Set;
import lambdalab.course.clickstream.HourlyActivity;
import lambdalab.course.clickstream.ProductHour;
import lambdalab.course.sketches.VisitorSketches;

/**
 * One layer's view row for a (product, hour): the activity counts and the visitors sketch, as read
 * from its {@code *_activity_by_product} and {@code *_visitors_by_product} tables.
 *
 * @param visitorsSketch the DataSketches HLL sketch of the visitors; empty when the layer has no
 *                       visitors row (or a null sketch) for this key
 * @param sources        of a batch row: the sources whose events it counts (empty for a stream row,
 *                       and for a batch row written before rows recorded their sources)
 * @param throughOffsets of a stream row: per Kafka partition, the next offset after the stream batch
 *                       that last wrote it, so every event it counts lies below (empty for a batch
 *                       row, and for a stream row whose speed layer did not record it)
 */
public record ViewRow(ProductHour key, long purchaseCount, long addToCartCount, long pageViewCount,
                      byte[] visitorsSketch, Set<String> sources, Map<Integer, Long> throughOffsets) {

    public ViewRow {
        sources = Set.copyOf(sources);
        throughOffsets = Map.copyOf(throughOffsets);
    }

    /** A row without sources or offsets. */
    public ViewRow(ProductHour key, long purchaseCount, long addToCartCount, long pageViewCount, byte[] visitorsSketch) {
        this(key, purchaseCount, addToCartCount, pageViewCount, visitorsSketch, Set.of(), Map.of());
    }

    /** As a row of the ground truth's shape, with the sketch's estimate of the visitors: for comparisons. */
    public HourlyActivity activity() {
        return new HourlyActivity(key, purchaseCount, addToCartCount, pageViewCount, VisitorSketches.estimate(visitorsSketch));
    }
}
