package lambdalab.course.sketches;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import lambdalab.course.batch.ViewAggregation;

/**
 * The visitors sketches of the views: DataSketches HyperLogLog sketches in the format Spark's
 * {@code hll_sketch_agg} writes, so the batch layer, the speed layer and the serving layer can merge
 * each other's sketches. Unique visitors of two groups are the estimate of the union of their sketches.
 */
public final class VisitorSketches {

    private VisitorSketches() {
    }

    /** The union of two sketches (either may be null or empty) in Spark's format. */
    public static byte[] union(byte[] left, byte[] right) {
        Union union = new Union(ViewAggregation.LG_CONFIG_K);
        add(union, left);
        add(union, right);
        return union.getResult(TgtHllType.HLL_4).toCompactByteArray();
    }

    /** The union of any number of sketches. */
    public static byte[] union(Iterable<byte[]> sketches) {
        Union union = new Union(ViewAggregation.LG_CONFIG_K);
        sketches.forEach(sketch -> add(union, sketch));
        return union.getResult(TgtHllType.HLL_4).toCompactByteArray();
    }

    /** The estimated number of distinct visitors, rounded; 0 for a null or empty sketch. */
    public static long estimate(byte[] sketch) {
        return sketch == null || sketch.length == 0 ? 0 : Math.round(HllSketch.heapify(sketch).getEstimate());
    }

    private static void add(Union union, byte[] sketch) {
        if (sketch != null && sketch.length > 0) {
            union.update(HllSketch.heapify(sketch));
        }
    }
}
