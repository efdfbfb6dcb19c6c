package lambdalab.course.clickstream;

import java.util.Comparator;
import java.util.Objects;

/**
 * The key of every view in the course: a product and the start of an hour.
 *
 * <p>Ordered by product, then hour, the order of the ground truth file, so files and maps can be
 * compared line by line.
 *
 * @param product the product, {@code Brand,Product}
 * @param timestampHour start of the hour, epoch milliseconds (see {@link ClickEvent#hourBucket()})
 */
public record ProductHour(String product, long timestampHour) implements Comparable<ProductHour>, java.io.Serializable {

    private static final Comparator<ProductHour> ORDER =
            Comparator.comparing(ProductHour::product).thenComparingLong(ProductHour::timestampHour);

    public ProductHour {
        Objects.requireNonNull(product, "product");
    }

    /** The key an event counts under. */
    public static ProductHour of(ClickEvent event) {
        return new ProductHour(event.product(), event.hourBucket());
    }

    @Override
    public int compareTo(ProductHour other) {
        return ORDER.compare(this, other);
    }
}
