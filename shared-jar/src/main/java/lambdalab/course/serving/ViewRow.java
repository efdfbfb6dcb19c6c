package lambdalab.course.serving;

import lambdalab.course.clickstream.ProductHour;

/**
 * One layer's view row for a (product, hour): the activity counts and the visitors sketch, as read
 * from its {@code *_activity_by_product} and {@code *_visitors_by_product} tables.
 *
 * @param visitorsSketch the DataSketches HLL sketch of the visitors; empty when the layer has no
 *                       visitors row (or a null sketch) for this key
 */
public record ViewRow(ProductHour key, long purchaseCount, long addToCartCount, long pageViewCount,
                      byte[] visitorsSketch) {
}
