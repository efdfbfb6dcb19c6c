package lambdalab.course.clickstream;

/**
 * The exact figures for one product and hour: one row of the ground truth, the reference that the
 * batch and speed views are checked against.
 *
 * @param key the product and hour
 * @param purchaseCount number of {@code purchase} events
 * @param addToCartCount number of {@code add_to_cart} events
 * @param pageViewCount number of {@code page_view} events
 * @param uniqueVisitors exact number of distinct visitors
 */
public record HourlyActivity(
        ProductHour key,
        long purchaseCount,
        long addToCartCount,
        long pageViewCount,
        long uniqueVisitors) {

    /** All events of the group. */
    public long totalEvents() {
        return purchaseCount + addToCartCount + pageViewCount;
    }
}
