package lambdalab.course.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.clickstream.ProductHour;
import lambdalab.course.sketches.VisitorSketches;
import org.junit.jupiter.api.Test;

class ViewMergeTest {

    private static final long H0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    private static final long HOUR = ClickEvent.HOUR_MS;
    private static final String SHOES = "Acme,Shoes";
    private static final String HATS = "Acme,Hats";

    @Test
    void batchAnswersUpToAndIncludingItsWatermarkStreamAfter() {
        OptionalLong watermark = OptionalLong.of(H0 + HOUR);
        assertThat(ViewMerge.authoritative(H0, watermark)).isEqualTo(Layer.BATCH);
        assertThat(ViewMerge.authoritative(H0 + HOUR, watermark)).isEqualTo(Layer.BATCH);
        assertThat(ViewMerge.authoritative(H0 + 2 * HOUR, watermark)).isEqualTo(Layer.STREAM);
        assertThat(ViewMerge.authoritative(H0, OptionalLong.empty())).as("before the first batch run")
                .isEqualTo(Layer.STREAM);
    }

    @Test
    void eachHourComesFromItsAuthoritativeLayer() {
        // both layers have every hour; the batch counts are 100s, the stream's 1s, so the source shows
        List<ViewRow> batch = hours(SHOES, 0, 4, 100);
        List<ViewRow> stream = hours(SHOES, 0, 4, 1);

        List<ServedRow> served = ViewMerge.merge(batch, stream, OptionalLong.of(H0 + HOUR), 4);

        assertThat(served).extracting(ServedRow::timestampHour, ServedRow::layer, ServedRow::fallback,
                ServedRow::purchaseCount).containsExactly(
                tuple(H0, Layer.BATCH, false, 100L), tuple(H0 + HOUR, Layer.BATCH, false, 101L),
                tuple(H0 + 2 * HOUR, Layer.STREAM, false, 3L), tuple(H0 + 3 * HOUR, Layer.STREAM, false, 4L));
    }

    @Test
    void aHourTheAuthoritativeLayerLacksIsServedFromTheOtherAndSaysSo() {
        List<ViewRow> batch = List.of(row(SHOES, 0, 100, 0, 50), row(SHOES, 3, 103, 0, 50));
        List<ViewRow> stream = List.of(row(SHOES, 0, 1, 0, 50), row(SHOES, 1, 2, 0, 50), row(SHOES, 2, 3, 0, 50));

        List<ServedRow> served = ViewMerge.merge(batch, stream, OptionalLong.of(H0 + 2 * HOUR), 4);

        assertThat(served).extracting(ServedRow::timestampHour, ServedRow::layer, ServedRow::fallback)
                .containsExactly(tuple(H0, Layer.BATCH, false),
                        tuple(H0 + HOUR, Layer.STREAM, true), // the batch has no row up to its watermark
                        tuple(H0 + 2 * HOUR, Layer.STREAM, true),
                        tuple(H0 + 3 * HOUR, Layer.BATCH, true)); // after it, only the batch has the hour
    }

    @Test
    void theWindowEndsWithTheNewestHourOfEitherLayer() {
        List<ViewRow> batch = hours(SHOES, 0, 6, 100);
        List<ViewRow> stream = hours(SHOES, 5, 8, 1); // the stream is 2 hours ahead of the batch

        List<ServedRow> served = ViewMerge.merge(batch, stream, OptionalLong.of(H0 + 4 * HOUR), 3);

        assertThat(served).extracting(ServedRow::timestampHour)
                .containsExactly(H0 + 5 * HOUR, H0 + 6 * HOUR, H0 + 7 * HOUR);
        assertThat(served).allMatch(row -> row.layer() == Layer.STREAM);
    }

    @Test
    void rowsAreOrderedByProductThenHourAndKeepTheirCounts() {
        List<ViewRow> batch = List.of(row(SHOES, 1, 5, 6, 100), row(HATS, 1, 7, 8, 100), row(SHOES, 0, 1, 2, 100));

        List<ServedRow> served = ViewMerge.merge(batch, List.of(), OptionalLong.of(H0 + HOUR), 6);

        assertThat(served).extracting(ServedRow::product, ServedRow::timestampHour, ServedRow::purchaseCount,
                ServedRow::addToCartCount, ServedRow::pageViewCount).containsExactly(
                tuple(HATS, H0 + HOUR, 7L, 8L, 70L), tuple(SHOES, H0, 1L, 2L, 10L),
                tuple(SHOES, H0 + HOUR, 5L, 6L, 50L));
        assertThat(served).extracting(ServedRow::uniqueVisitors).containsOnly(100L);
    }

    @Test
    void totalsSumTheCountsAndUnionTheVisitors() {
        // hour 0: visitors 0..2999, hour 1: 2000..4999 -> 5000 distinct, 6000 if estimates were added
        List<ViewRow> batch = List.of(new ViewRow(new ProductHour(SHOES, H0), 1, 2, 3, visitors(0, 3000)));
        List<ViewRow> stream = List.of(new ViewRow(new ProductHour(SHOES, H0 + HOUR), 10, 20, 30, visitors(2000, 5000)),
                row(HATS, 1, 4, 5, 70));

        List<ServedRow> served = ViewMerge.merge(batch, stream, OptionalLong.of(H0), 6);
        List<ServedTotal> totals = ViewMerge.totals(served);

        assertThat(totals).extracting(ServedTotal::product, ServedTotal::hours, ServedTotal::purchaseCount,
                ServedTotal::addToCartCount, ServedTotal::pageViewCount).containsExactly(
                tuple(HATS, 1, 4L, 5L, 40L), tuple(SHOES, 2, 11L, 22L, 33L));
        ServedTotal shoes = totals.get(1);
        assertThat((double) shoes.uniqueVisitors()).isCloseTo(5000, within(3 * 0.0163 * 5000));
        assertThat(shoes.uniqueVisitors()).isLessThan(served.get(1).uniqueVisitors() + served.get(2).uniqueVisitors() - 500);
        assertThat(totals.get(0).uniqueVisitors()).isEqualTo(70);
    }

    @Test
    void aRowWithoutASketchHasNoVisitors() {
        List<ViewRow> batch = List.of(new ViewRow(new ProductHour(SHOES, H0), 1, 2, 3, new byte[0]));

        List<ServedRow> served = ViewMerge.merge(batch, List.of(), OptionalLong.of(H0), 1);

        assertThat(served.get(0).uniqueVisitors()).isZero();
        assertThat(ViewMerge.totals(served).get(0).uniqueVisitors()).isZero();
    }

    @Test
    void noRowsServeNothingAndHoursMustBePositive() {
        assertThat(ViewMerge.merge(List.of(), List.of(), OptionalLong.empty(), 6)).isEmpty();
        assertThat(ViewMerge.totals(List.of())).isEmpty();
        assertThatThrownBy(() -> ViewMerge.merge(hours(SHOES, 0, 1, 1), List.of(), OptionalLong.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hours must be at least 1");
    }

    /** Rows for hours from..to-1 (counted from H0) with purchase_count base + hour. */
    private static List<ViewRow> hours(String product, int from, int to, int base) {
        return IntStream.range(from, to).mapToObj(h -> row(product, h, base + h, 0, 10)).toList();
    }

    /** page views 10 x purchases; {@code visitors} distinct visitors in the sketch. */
    private static ViewRow row(String product, int hour, long purchases, long addToCart, int visitors) {
        return new ViewRow(new ProductHour(product, H0 + hour * HOUR), purchases, addToCart, 10 * purchases,
                visitors(0, visitors));
    }

    private static byte[] visitors(int from, int to) {
        return VisitorSketches.of(IntStream.range(from, to).mapToObj(i -> "Visitor-" + i).toList());
    }
}
