package lambdalab.course.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import lambdalab.course.batch.HourCoverage;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.clickstream.ProductHour;
import lambdalab.course.sketches.VisitorSketches;
import org.junit.jupiter.api.Test;

class ViewMergeTest {

    private static final long H0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    private static final long HOUR = ClickEvent.HOUR_MS;
    private static final String SHOES = "Acme,Shoes";
    private static final String HATS = "Acme,Hats";
    private static final String TOPIC = "weblogs-text";
    private static final String LOADED = "generated";
    private static final ProductHour KEY = new ProductHour(SHOES, H0);

    // one (product, hour) at a time: which layer, and why

    @Test
    void aCompleteHourWhoseRunReadEverythingTheStreamCountedIsTheBatchs() {
        BatchCoverage coverage = coverage(covered(TOPIC, 0, true, Map.of(0, 100L, 1, 80L)));

        ServedRow served = ViewMerge.serve(KEY, batchRow(TOPIC), streamRow(Map.of(0, 100L, 1, 70L)), coverage, TOPIC);

        assertThat(served.layer()).isEqualTo(Layer.BATCH);
        assertThat(served.reason()).isEqualTo(Reason.COMPLETE);
        assertThat(served.purchaseCount()).isEqualTo(100);
        assertThat(served.batchSources()).containsExactly(TOPIC);
    }

    @Test
    void anHourTheBatchRunSawStillFillingIsTheStreams() {
        BatchCoverage coverage = coverage(covered(TOPIC, 0, false, Map.of(0, 100L, 1, 80L)));

        ServedRow served = ViewMerge.serve(KEY, batchRow(TOPIC), streamRow(Map.of(0, 90L, 1, 70L)), coverage, TOPIC);

        assertThat(served).extracting(ServedRow::layer, ServedRow::reason, ServedRow::purchaseCount)
                .containsExactly(Layer.STREAM, Reason.STILL_FILLING, 1L);
    }

    @Test
    void aStreamRowCountingEventsBeyondWhatTheRunReadIsTheStreams() {
        BatchCoverage coverage = coverage(covered(TOPIC, 0, true, Map.of(0, 100L, 1, 80L)));

        // partition 1 brought an event of the hour at offset 80 or later: the run had not read it
        ServedRow late = ViewMerge.serve(KEY, batchRow(TOPIC), streamRow(Map.of(0, 100L, 1, 81L)), coverage, TOPIC);
        // a partition the run read nothing of
        ServedRow newPartition = ViewMerge.serve(KEY, batchRow(TOPIC), streamRow(Map.of(0, 100L, 2, 5L)), coverage, TOPIC);
        // a partition the stream never had an event of
        ServedRow emptyPartition = ViewMerge.serve(KEY, batchRow(TOPIC), streamRow(Map.of(0, 100L, 2, 0L)), coverage, TOPIC);

        assertThat(late).extracting(ServedRow::layer, ServedRow::reason).containsExactly(Layer.STREAM, Reason.LATE_EVENTS);
        assertThat(newPartition.reason()).isEqualTo(Reason.LATE_EVENTS);
        assertThat(emptyPartition).extracting(ServedRow::layer, ServedRow::reason).containsExactly(Layer.BATCH, Reason.COMPLETE);
    }

    @Test
    void aBatchRowWithoutTheStreamsTopicNeverHidesTheStreamRow() {
        BatchCoverage coverage = coverage(covered(LOADED, 0, true, Map.of()), covered(TOPIC, 0, true, Map.of(0, 100L)));

        ServedRow served = ViewMerge.serve(KEY, batchRow(LOADED), streamRow(Map.of(0, 50L)), coverage, TOPIC);

        assertThat(served).extracting(ServedRow::layer, ServedRow::reason, ServedRow::purchaseCount)
                .containsExactly(Layer.STREAM, Reason.NOT_IN_BATCH, 1L);
        assertThat(served.batchSources()).as("shown, so the learner sees why").containsExactly(LOADED);
    }

    @Test
    void aBatchRowIsCompleteOnlyWhenEverySourceOfItIs() {
        BatchCoverage coverage = coverage(covered(TOPIC, 0, true, Map.of(0, 100L)),
                covered("other-topic", 0, false, Map.of(0, 10L)), covered(LOADED, 0, true, Map.of()));

        ServedRow twoTopics = ViewMerge.serve(KEY, batchRow(TOPIC, "other-topic"), streamRow(Map.of(0, 50L)), coverage, TOPIC);
        ServedRow loadedToo = ViewMerge.serve(KEY, batchRow(TOPIC, LOADED), streamRow(Map.of(0, 50L)), coverage, TOPIC);

        assertThat(twoTopics).extracting(ServedRow::layer, ServedRow::reason).containsExactly(Layer.STREAM, Reason.STILL_FILLING);
        assertThat(twoTopics.batchSources()).containsExactly("other-topic", TOPIC);
        assertThat(loadedToo).extracting(ServedRow::layer, ServedRow::reason).containsExactly(Layer.BATCH, Reason.COMPLETE);
    }

    @Test
    void aBatchRowNoRunRecordedCoverageForIsNotTrusted() {
        BatchCoverage none = coverage();

        ServedRow withStream = ViewMerge.serve(KEY, batchRow(TOPIC), streamRow(Map.of(0, 50L)), none, TOPIC);
        ServedRow olderRow = ViewMerge.serve(KEY, batchRow(), streamRow(Map.of(0, 50L)), none, TOPIC); // no sources

        assertThat(withStream).extracting(ServedRow::layer, ServedRow::reason).containsExactly(Layer.STREAM, Reason.NOT_COVERED);
        assertThat(olderRow).extracting(ServedRow::layer, ServedRow::reason).containsExactly(Layer.STREAM, Reason.NOT_COVERED);
    }

    @Test
    void withoutAStreamRowTheBatchRowIsServedSayingHowCompleteItIs() {
        BatchCoverage coverage = coverage(covered(TOPIC, 0, true, Map.of(0, 100L)), covered(TOPIC, 1, false, Map.of(0, 100L)));
        ProductHour filling = new ProductHour(SHOES, H0 + HOUR);

        assertThat(ViewMerge.serve(KEY, batchRow(TOPIC), null, coverage, TOPIC))
                .extracting(ServedRow::layer, ServedRow::reason).containsExactly(Layer.BATCH, Reason.COMPLETE);
        assertThat(ViewMerge.serve(filling, batchRow(filling, TOPIC), null, coverage, TOPIC))
                .extracting(ServedRow::layer, ServedRow::reason).containsExactly(Layer.BATCH, Reason.STILL_FILLING);
    }

    @Test
    void withoutABatchRowTheStreamRowIsServed() {
        assertThat(ViewMerge.serve(KEY, null, streamRow(Map.of(0, 5L)), coverage(), TOPIC))
                .extracting(ServedRow::layer, ServedRow::reason, ServedRow::batchSources)
                .containsExactly(Layer.STREAM, Reason.NO_BATCH_ROW, List.of());
        assertThatThrownBy(() -> ViewMerge.serve(KEY, null, null, coverage(), TOPIC))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void streamOffsetsNobodyRecordedProveNothing() {
        BatchCoverage coverage = coverage(covered(TOPIC, 0, true, Map.of(0, 100L)));

        ServedRow served = ViewMerge.serve(KEY, batchRow(TOPIC), streamRow(Map.of()), coverage, TOPIC);

        assertThat(served.layer()).isEqualTo(Layer.BATCH);
    }

    // whole windows

    @Test
    void eachHourIsJudgedByItsOwnCoverageNotByOneWatermark() {
        // hours 0..4: a full run saw 0..3 complete, 4 filling; a later run over hours 1..2 only
        // rewrote theirs. Hour 3 stays the batch's; a subset run moves nothing else.
        List<HourCoverage> covered = new ArrayList<>();
        for (int hour = 0; hour <= 4; hour++) {
            covered.add(covered(TOPIC, hour, hour < 4, Map.of(0, 10L * hour + 10)));
        }
        covered.add(covered(TOPIC, 1, true, Map.of(0, 50L)));
        covered.add(covered(TOPIC, 2, true, Map.of(0, 50L)));
        List<ViewRow> batch = hours(SHOES, 0, 5, 100, Set.of(TOPIC), Map.of());
        List<ViewRow> stream = new ArrayList<>();
        for (int hour = 0; hour <= 4; hour++) {
            stream.add(row(SHOES, hour, 1 + hour, 0, 10, Set.of(), Map.of(0, 10L * hour + 10)));
        }

        List<ServedRow> served = ViewMerge.merge(batch, stream, new BatchCoverage(covered), TOPIC, 5);

        assertThat(served).extracting(ServedRow::timestampHour, ServedRow::layer, ServedRow::reason).containsExactly(
                tuple(H0, Layer.BATCH, Reason.COMPLETE), tuple(H0 + HOUR, Layer.BATCH, Reason.COMPLETE),
                tuple(H0 + 2 * HOUR, Layer.BATCH, Reason.COMPLETE), tuple(H0 + 3 * HOUR, Layer.BATCH, Reason.COMPLETE),
                tuple(H0 + 4 * HOUR, Layer.STREAM, Reason.STILL_FILLING));
    }

    @Test
    void theWindowEndsWithTheNewestHourOfEitherLayer() {
        List<ViewRow> batch = hours(SHOES, 0, 6, 100, Set.of(TOPIC), Map.of());
        List<ViewRow> stream = hours(SHOES, 5, 8, 1, Set.of(), Map.of()); // the stream is 2 hours ahead of the batch

        List<ServedRow> served = ViewMerge.merge(batch, stream, coverage(), TOPIC, 3);

        assertThat(served).extracting(ServedRow::timestampHour)
                .containsExactly(H0 + 5 * HOUR, H0 + 6 * HOUR, H0 + 7 * HOUR);
        assertThat(served).allMatch(row -> row.layer() == Layer.STREAM);
    }

    @Test
    void rowsAreOrderedByProductThenHourAndKeepTheirCounts() {
        List<ViewRow> batch = List.of(row(SHOES, 1, 5, 6, 100, Set.of(LOADED), Map.of()),
                row(HATS, 1, 7, 8, 100, Set.of(LOADED), Map.of()), row(SHOES, 0, 1, 2, 100, Set.of(LOADED), Map.of()));
        BatchCoverage coverage = coverage(covered(LOADED, 0, true, Map.of()), covered(LOADED, 1, true, Map.of()));

        List<ServedRow> served = ViewMerge.merge(batch, List.of(), coverage, TOPIC, 6);

        assertThat(served).extracting(ServedRow::product, ServedRow::timestampHour, ServedRow::purchaseCount,
                ServedRow::addToCartCount, ServedRow::pageViewCount, ServedRow::reason).containsExactly(
                tuple(HATS, H0 + HOUR, 7L, 8L, 70L, Reason.COMPLETE), tuple(SHOES, H0, 1L, 2L, 10L, Reason.COMPLETE),
                tuple(SHOES, H0 + HOUR, 5L, 6L, 50L, Reason.COMPLETE));
        assertThat(served).extracting(ServedRow::uniqueVisitors).containsOnly(100L);
    }

    @Test
    void totalsSumTheCountsAndUnionTheVisitors() {
        // hour 0: visitors 0..2999, hour 1: 2000..4999 -> 5000 distinct, 6000 if estimates were added
        List<ViewRow> batch = List.of(new ViewRow(new ProductHour(SHOES, H0), 1, 2, 3, visitors(0, 3000), Set.of(LOADED),
                Map.of()));
        List<ViewRow> stream = List.of(new ViewRow(new ProductHour(SHOES, H0 + HOUR), 10, 20, 30, visitors(2000, 5000)),
                row(HATS, 1, 4, 5, 70, Set.of(), Map.of()));

        List<ServedRow> served = ViewMerge.merge(batch, stream, coverage(covered(LOADED, 0, true, Map.of())), TOPIC, 6);
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

        List<ServedRow> served = ViewMerge.merge(batch, List.of(), coverage(), TOPIC, 1);

        assertThat(served.get(0).uniqueVisitors()).isZero();
        assertThat(ViewMerge.totals(served).get(0).uniqueVisitors()).isZero();
    }

    @Test
    void noRowsServeNothingAndHoursMustBePositive() {
        assertThat(ViewMerge.merge(List.of(), List.of(), coverage(), TOPIC, 6)).isEmpty();
        assertThat(ViewMerge.totals(List.of())).isEmpty();
        assertThatThrownBy(() -> ViewMerge.merge(hours(SHOES, 0, 1, 1, Set.of(), Map.of()), List.of(), coverage(), TOPIC, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hours must be at least 1");
    }

    @Test
    void theCoverageSummaryCountsEachSourcesHours() {
        BatchCoverage coverage = coverage(covered(TOPIC, 0, true, Map.of()), covered(TOPIC, 1, true, Map.of()),
                covered(TOPIC, 2, false, Map.of()), covered(LOADED, 5, true, Map.of()));

        assertThat(coverage.summaries()).extracting(SourceCoverage::source, SourceCoverage::hours,
                SourceCoverage::completeHours, SourceCoverage::newestCompleteHour).containsExactly(
                tuple(LOADED, 1, 1, H0 + 5 * HOUR), tuple(TOPIC, 3, 2, H0 + HOUR));
    }

    private static BatchCoverage coverage(HourCoverage... hours) {
        return new BatchCoverage(List.of(hours));
    }

    private static HourCoverage covered(String source, int hour, boolean complete, Map<Integer, Long> through) {
        return new HourCoverage(source, H0 + hour * HOUR, complete, through, 1, Instant.now());
    }

    /** The batch's row of KEY: 100 purchases. */
    private static ViewRow batchRow(String... sources) {
        return batchRow(KEY, sources);
    }

    private static ViewRow batchRow(ProductHour key, String... sources) {
        return new ViewRow(key, 100, 0, 1000, visitors(0, 10), Set.of(sources), Map.of());
    }

    /** The stream's row of KEY: 1 purchase. */
    private static ViewRow streamRow(Map<Integer, Long> through) {
        return new ViewRow(KEY, 1, 0, 10, visitors(0, 10), Set.of(), through);
    }

    /** Rows for hours from..to-1 (counted from H0) with purchase_count base + hour. */
    private static List<ViewRow> hours(String product, int from, int to, int base, Set<String> sources,
                                       Map<Integer, Long> through) {
        return IntStream.range(from, to).mapToObj(h -> row(product, h, base + h, 0, 10, sources, through)).toList();
    }

    /** page views 10 x purchases; {@code visitors} distinct visitors in the sketch. */
    private static ViewRow row(String product, int hour, long purchases, long addToCart, int visitors, Set<String> sources,
                               Map<Integer, Long> through) {
        return new ViewRow(new ProductHour(product, H0 + hour * HOUR), purchases, addToCart, 10 * purchases,
                visitors(0, visitors), sources, through);
    }

    private static byte[] visitors(int from, int to) {
        return VisitorSketches.of(IntStream.range(from, to).mapToObj(i -> "Visitor-" + i).toList());
    }
}
