package lambdalab.course.serving;

/**
 * One product over the hours served: the counts summed, the unique visitors estimated from the
 * union of the hours' sketches (a visitor seen in several hours counts once).
 *
 * @param hours how many served rows (hours) it covers
 */
public record ServedTotal(String product, int hours, long purchaseCount, long addToCartCount, long pageViewCount,
                          long uniqueVisitors) {
}
