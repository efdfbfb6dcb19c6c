package lambdalab.course.speed;

import java.io.Serializable;
import lambdalab.course.clickstream.HourlyActivity;
import lambdalab.course.clickstream.ProductHour;
import lambdalab.course.sketches.VisitorSketches;

/**
 * The speed layer's state per (product, hour): the three action counts and the visitors sketch.
 * Batches merge by adding counts and taking the union of sketches (never adding visitor counts).
 */
public record HourAggregate(long purchases, long addToCarts, long pageViews, byte[] visitorsSketch)
        implements Serializable {

    public HourAggregate plus(HourAggregate other) {
        return new HourAggregate(purchases + other.purchases, addToCarts + other.addToCarts,
                pageViews + other.pageViews, VisitorSketches.union(java.util.Arrays.asList(visitorsSketch, other.visitorsSketch)));
    }

    public long events() {
        return purchases + addToCarts + pageViews;
    }

    public long uniqueVisitors() {
        return VisitorSketches.estimate(visitorsSketch);
    }

    /** As a row of the ground truth's shape, with the sketch's estimate of the visitors: for comparisons. */
    public HourlyActivity activity(ProductHour key) {
        return new HourlyActivity(key, purchases, addToCarts, pageViews, uniqueVisitors());
    }
}
