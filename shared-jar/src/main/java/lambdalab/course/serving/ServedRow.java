package lambdalab.course.serving;

import java.util.List;
import lambdalab.course.clickstream.ProductHour;

/**
 * What the serving layer answers for one (product, hour): the row of the layer it took it from.
 *
 * @param layer          where the row comes from
 * @param reason         why that layer (a batch row served with another reason than
 *                       {@link Reason#COMPLETE} is all there is: the stream has no row)
 * @param batchSources   the sources the batch row holds, sorted, whichever layer is served (empty without a batch row)
 * @param uniqueVisitors the estimate of {@code visitorsSketch}
 * @param visitorsSketch the row's visitor sketch, for merging (see {@link ViewMerge#totals})
 */
public record ServedRow(ProductHour key, Layer layer, Reason reason, List<String> batchSources, long purchaseCount,
                        long addToCartCount, long pageViewCount, long uniqueVisitors, byte[] visitorsSketch) {

    public String product() {
        return key.product();
    }

    public long timestampHour() {
        return key.timestampHour();
    }
}
