package lambdalab.course.serving;

import lambdalab.course.clickstream.ProductHour;

/**
 * What the serving layer answers for one (product, hour): the row of the layer it took it from.
 *
 * @param layer          where the row comes from
 * @param fallback       true when the layer authoritative for this hour (batch up to the watermark,
 *                       stream after it) had no row, so the other layer's row stands in
 * @param uniqueVisitors the estimate of {@code visitorsSketch}
 * @param visitorsSketch the row's visitor sketch, for merging (see {@link ViewMerge#totals})
 */
public record ServedRow(ProductHour key, Layer layer, boolean fallback, long purchaseCount, long addToCartCount,
                        long pageViewCount, long uniqueVisitors, byte[] visitorsSketch) {

    public String product() {
        return key.product();
    }

    public long timestampHour() {
        return key.timestampHour();
    }
}
