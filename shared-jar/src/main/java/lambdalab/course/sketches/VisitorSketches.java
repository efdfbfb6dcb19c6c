package lambdalab.course.sketches;

import java.util.List;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

/**
 * The unique-visitor sketches of the views, outside Spark: built, merged and estimated exactly as
 * Spark 3.5's {@code hll_sketch_agg(visitor, 12)}, {@code hll_union} and {@code hll_sketch_estimate}
 * do (the same DataSketches library), so the serving layer and the speed layer's state can merge
 * sketches written by any layer. Distinct counts are merged as sketches: estimates never add up.
 *
 * <p>Spark 3.5.1 writes HLL_8 sketches as {@link HllSketch#toUpdatableByteArray()}; this class writes
 * the same. It reads any DataSketches HLL sketch (HLL_4, HLL_6, HLL_8, compact or updatable).
 */
public final class VisitorSketches {

    /** log2 of the buckets, as in {@code hll_sketch_agg(visitor, 12)}: about 1.6% standard error. */
    public static final int LG_CONFIG_K = 12;
    /** The type Spark 3.5.1's hll_sketch_agg and hll_union produce. */
    public static final TgtHllType TYPE = TgtHllType.HLL_8;

    private VisitorSketches() {
    }

    /** The sketch of these visitors: what {@code hll_sketch_agg(visitor, 12)} builds from them in one task. */
    public static byte[] of(Iterable<String> visitors) {
        HllSketch sketch = new HllSketch(LG_CONFIG_K, TYPE);
        for (String visitor : visitors) {
            sketch.update(visitor);
        }
        return sketch.toUpdatableByteArray();
    }

    /** A sketch of no visitors: what a union of nothing is. */
    public static byte[] empty() {
        return new HllSketch(LG_CONFIG_K, TYPE).toUpdatableByteArray();
    }

    /**
     * The sketch of the union of the visitor sets behind {@code sketches}; null or empty arrays
     * stand for "no visitors" (a view row without a sketch) and are skipped.
     */
    public static byte[] union(List<byte[]> sketches) {
        Union union = new Union(LG_CONFIG_K);
        for (byte[] sketch : sketches) {
            if (!isAbsent(sketch)) {
                union.update(read(sketch));
            }
        }
        return union.getResult(TYPE).toUpdatableByteArray();
    }

    /** The estimated number of distinct visitors, rounded as {@code hll_sketch_estimate} rounds; 0 when absent. */
    public static long estimate(byte[] sketch) {
        return isAbsent(sketch) ? 0 : Math.round(read(sketch).getEstimate());
    }

    private static boolean isAbsent(byte[] sketch) {
        return sketch == null || sketch.length == 0;
    }

    private static HllSketch read(byte[] sketch) {
        try {
            return HllSketch.heapify(sketch);
        } catch (RuntimeException e) { // the library throws several kinds on bytes that are no sketch
            throw new IllegalArgumentException("Not a DataSketches HLL sketch (" + sketch.length + " bytes): "
                    + e.getMessage() + ". The views' visitors_sketch must come from hll_sketch_agg or VisitorSketches.", e);
        }
    }
}
