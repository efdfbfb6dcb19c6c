package lambdalab.lab.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;
import lambdalab.course.batch.RawEvents;
import lambdalab.course.batch.ViewAggregation;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.serving.Layer;
import lambdalab.course.serving.Reason;
import lambdalab.course.serving.ServedRow;
import lambdalab.course.serving.ServedTotal;
import lambdalab.course.serving.ServingLayer;
import lambdalab.course.serving.ServingResult;
import lambdalab.course.serving.SourceCoverage;
import lambdalab.course.sketches.VisitorSketches;
import lambdalab.course.views.LambdaSchema;
import lambdalab.lab.Lab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The serving layer on the test lab: over rows and coverage written into the real views (every
 * reason a layer answers for), and over batch runs on raw datasets of the tests' own, written file
 * by file as the speed layer writes them (subset runs, --to, partitions at different hours, late
 * events); {@code lab query} printing the same. Each test has its own product and topic, and
 * deletes its rows afterwards.
 */
@ExtendWith(TestLab.Extension.class)
class ServingLayerIT {

    private static final String SHOES = "ServingIT,Shoes";
    private static final String TOPIC = "serving-it-" + UUID.randomUUID();
    private static final long H0 = Instant.parse("2071-01-01T00:00:00Z").toEpochMilli();
    private static final long HOUR = ClickEvent.HOUR_MS;
    private static final double RSE = ViewAggregation.RELATIVE_STANDARD_ERROR;
    private static final int NONE = -1;
    /** The stories' hours: later than any other test's (their rows are deleted afterwards). */
    private static final long STORY_H0 = Instant.parse("2072-01-01T00:00:00Z").toEpochMilli();

    @Test
    void eachRowComesFromTheLayerItsCoverageAllowsSaysWhyAndTheCliPrintsIt(TestLab testLab) throws IOException {
        Lab lab = testLab.lab();
        try (CqlSession session = LambdaSchema.openSession(lab.endpoints())) {
            LambdaSchema.create(session, 1);
            try {
                // batch rows of the topic: hours 0, 1, 3, 4, 6 (none of hour 2), of loaded events: hour 5;
                // a run saw hours 0..3 and 6 complete, having read partition 0 up to offset 100, hour 4 filling.
                // stream: hours 1 to 7, every row counting offsets below 50, but hour 6's below 150.
                // Batch counts are 100 + hour, stream counts 1 + hour.
                for (int hour : new int[] {0, 1, 3, 4, 6}) {
                    insert(session, "batch", hour, 100 + hour, Set.of(TOPIC), null);
                    cover(session, TOPIC, hour, hour != 4);
                }
                insert(session, "batch", 5, 105, Set.of(RawEvents.GENERATED), null);
                cover(session, RawEvents.GENERATED, 5, true);
                for (int hour = 1; hour <= 7; hour++) {
                    insert(session, "stream", hour, 1 + hour, null, Map.of(0, hour == 6 ? 150L : 50L));
                }

                ServingResult result = new ServingLayer(session, TOPIC).query(Optional.of(SHOES), 6);
                assertServed(result);
                assertPrinted(lab, result);
                // across all products (a filtered scan): the same rows, as no other test leaves hours this late
                ServingResult all = new ServingLayer(session, TOPIC).query(Optional.empty(), 6);
                assertThat(all.rows().stream().filter(row -> row.product().equals(SHOES)))
                        .usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(result.rows());
            } finally {
                deleteRows(session);
            }
        }
    }

    @Test
    void aSubsetRunMovesNoOtherHoursAuthority(TestLab testLab) {
        try (Story story = new Story(testLab.lab(), "ServingIT,Subset")) {
            for (int hour = 0; hour <= 4; hour++) {
                story.streamBatch(hour, hour);
            }
            story.batch();
            story.assertLayers("batch", "batch", "batch", "batch", "stream");

            story.batch("--from", story.instant(1), "--to", story.instant(2));

            // hours 3 and 4 were not in the run: hour 3 stays the batch's, hour 4 still the stream's
            story.assertLayers("batch", "batch", "batch", "batch", "stream");
        }
    }

    @Test
    void aToOfTheStillFillingHourDoesNotMakeTheBatchAuthoritativeForIt(TestLab testLab) {
        try (Story story = new Story(testLab.lab(), "ServingIT,To")) {
            for (int hour = 0; hour <= 2; hour++) {
                story.streamBatch(hour, hour);
            }

            story.batch("--to", story.instant(2));

            // no partition has an event after hour 2 yet: it is still filling, whatever --to says
            story.assertLayers("batch", "batch", "stream");
            assertThat(story.reasons()).containsEntry(2, "still-filling");
        }
    }

    @Test
    void anHourIsCompleteOnlyWhenEveryPartitionHasPassedIt(TestLab testLab) {
        try (Story story = new Story(testLab.lab(), "ServingIT,Partitions")) {
            for (int hour = 0; hour <= 2; hour++) {
                story.streamBatch(hour, hour);
            }
            story.streamBatch(3, NONE); // partition 0 reaches hour 3, partition 1 is still in hour 2

            story.batch();
            story.assertLayers("batch", "batch", "stream", "stream");
            assertThat(story.reasons()).containsEntry(2, "still-filling");

            story.streamBatch(NONE, 3); // now partition 1 has passed hour 2 as well
            story.batch();
            story.assertLayers("batch", "batch", "batch", "stream");
        }
    }

    @Test
    void aLateEventTheStreamCountedAfterTheBatchRunIsNotHidden(TestLab testLab) {
        try (Story story = new Story(testLab.lab(), "ServingIT,Late")) {
            for (int hour = 0; hour <= 3; hour++) {
                story.streamBatch(hour, hour);
            }
            story.batch();
            story.assertLayers("batch", "batch", "batch", "stream");

            story.streamBatch(3, 3);
            story.lateEventInLastBatch(0); // a purchase of hour 0 the batch run has not read
            story.streamBatch(3, 3); // the stream goes on

            story.assertLayers("stream", "batch", "batch", "stream");
            assertThat(story.reasons()).containsEntry(0, "late-events");
            assertThat(story.purchases()).containsEntry(0, 3L);

            story.batch(); // the next run reads the late event
            story.assertLayers("batch", "batch", "batch", "stream");
            assertThat(story.purchases()).containsEntry(0, 3L);
        }
    }

    /**
     * One test's own Kafka topic (raw files written as the speed layer writes them, two partitions)
     * and product, the stream rows a speed layer would have written for them, batch runs over that
     * raw dataset and {@code lab query} with the topic as the stream's. Deletes all of it at the end.
     *
     * <p>A stream batch gives each partition that has events 10 offsets: one purchase and four page
     * views of one hour, the rest invisible to the views (as dead letters would be).
     */
    private static final class Story implements AutoCloseable {
        private final Lab lab;
        private final String product;
        private final String topic = "serving-it-" + UUID.randomUUID();
        private final RawFixture raw;
        private final CqlSession session;
        /** The next offset of each partition after the batches so far. */
        private final long[] next = {0, 0};
        private int batches;
        /** Per hour: the stream row's purchases and page views. */
        private final Map<Integer, long[]> counts = new TreeMap<>();

        Story(Lab lab, String product) {
            this.lab = lab;
            this.product = product;
            this.raw = new RawFixture(lab.endpoints(), "/serving-it/" + topic);
            this.session = LambdaSchema.openSession(lab.endpoints());
            LambdaSchema.create(session, 1);
        }

        String instant(int hour) {
            return Instant.ofEpochMilli(hour(hour)).toString();
        }

        static long hour(int hour) {
            return STORY_H0 + hour * HOUR;
        }

        /**
         * The next stream batch: partition 0 gets events of {@code hour0}, partition 1 of {@code hour1}
         * ({@link #NONE}: no events); the stream rows of those hours are upserted as the speed layer would.
         */
        void streamBatch(int hour0, int hour1) {
            int[] hours = {hour0, hour1};
            for (int partition = 0; partition < 2; partition++) {
                if (hours[partition] != NONE) {
                    raw.streamFile(topic, partition, hour(hours[partition]), next[partition], next[partition] + 10,
                            RawFixture.events(product, hour(hours[partition]), 1, 4, 100 * batches));
                    count(hours[partition], 1, 4);
                    next[partition] += 10;
                }
            }
            batches++;
            for (int hour : hours) {
                if (hour != NONE) {
                    writeStreamRow(hour);
                }
            }
        }

        /** A purchase of {@code hour} in the last batch's range of partition 0, its last offset. */
        void lateEventInLastBatch(int hour) {
            raw.streamFile(topic, 0, hour(hour), next[0] - 10, next[0], next[0] - 1,
                    RawFixture.events(product, hour(hour) + 1_800_000, 1, 0, 9_000));
            count(hour, 1, 0);
            writeStreamRow(hour);
        }

        private void count(int hour, long purchases, long pageViews) {
            counts.merge(hour, new long[] {purchases, pageViews}, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        }

        /** The row as the speed layer writes it: its state, and the next offsets after the batch that wrote it. */
        private void writeStreamRow(int hour) {
            long[] c = counts.get(hour);
            Map<Integer, Long> nextOffsets = Map.of(0, next[0], 1, next[1]);
            session.execute("INSERT INTO lambda.stream_activity_by_product (product, timestamp_hour, purchase_count, "
                    + "add_to_cart_count, page_view_count, batch_time, through_offsets) VALUES (?, ?, ?, 0, ?, ?, ?)",
                    product, hour(hour), c[0], c[1], Instant.now(), nextOffsets);
            byte[] sketch = VisitorSketches.of(IntStream.range(0, (int) (c[0] + c[1])).mapToObj(i -> "Visitor-" + i).toList());
            session.execute("INSERT INTO lambda.stream_visitors_by_product (product, timestamp_hour, unique_visitors, "
                    + "visitors_sketch, batch_time, through_offsets) VALUES (?, ?, ?, ?, ?, ?)", product, hour(hour),
                    VisitorSketches.estimate(sketch), ByteBuffer.wrap(sketch), Instant.now(), nextOffsets);
        }

        /** `lab batch` over this story's raw dataset. */
        void batch(String... options) {
            List<String> arguments = new ArrayList<>(List.of("batch", "--input", raw.root()));
            arguments.addAll(List.of(options));
            LabCli.Run run = LabCli.run(lab, arguments.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.output()).isZero();
        }

        /** `lab query --json` for this product, the topic as the stream's: hour (from H0) -> row. */
        Map<Integer, JsonNode> served() {
            LabCli.Run run = LabCli.run(lab, "query", "--product", product, "--hours", "12", "--json",
                    "--set", "stream.topic=" + topic);
            assertThat(run.exitCode()).as(run.output()).isZero();
            Map<Integer, JsonNode> rows = new TreeMap<>();
            try {
                new ObjectMapper().readTree(run.output()).get("rows")
                        .forEach(row -> rows.put((int) ((row.get("hourMs").asLong() - STORY_H0) / HOUR), row));
            } catch (IOException e) {
                throw new AssertionError(run.output(), e);
            }
            return rows;
        }

        void assertLayers(String... expected) {
            Map<Integer, String> wanted = new TreeMap<>();
            for (int hour = 0; hour < expected.length; hour++) {
                wanted.put(hour, expected[hour]);
            }
            Map<Integer, String> layers = new TreeMap<>();
            Map<Integer, JsonNode> rows = served();
            rows.forEach((hour, row) -> layers.put(hour, row.get("layer").asText()));
            assertThat(layers).as("layer per hour: " + rows).isEqualTo(wanted);
        }

        Map<Integer, String> reasons() {
            Map<Integer, String> reasons = new TreeMap<>();
            served().forEach((hour, row) -> reasons.put(hour, row.path("reason").asText()));
            return reasons;
        }

        Map<Integer, Long> purchases() {
            Map<Integer, Long> purchases = new TreeMap<>();
            served().forEach((hour, row) -> purchases.put(hour, row.get("purchaseCount").asLong()));
            return purchases;
        }

        @Override
        public void close() {
            for (String table : List.of(LambdaSchema.BATCH_ACTIVITY, LambdaSchema.BATCH_VISITORS,
                    LambdaSchema.STREAM_ACTIVITY, LambdaSchema.STREAM_VISITORS)) {
                session.execute("DELETE FROM lambda." + table + " WHERE product = ?", product);
            }
            if (session.getMetadata().getKeyspace("lambda").flatMap(k -> k.getTable("batch_coverage")).isPresent()) {
                session.execute("DELETE FROM lambda.batch_coverage WHERE source = ?", topic);
            }
            session.close();
            raw.delete();
        }
    }

    private static void assertServed(ServingResult result) {
        // the last 6 hours end with the newest (7): hours 2..7
        assertThat(result.rows()).extracting(ServedRow::timestampHour, ServedRow::layer, ServedRow::reason,
                ServedRow::purchaseCount, ServedRow::batchSources).containsExactly(
                tuple(H0 + 2 * HOUR, Layer.STREAM, Reason.NO_BATCH_ROW, 3L, List.of()),
                tuple(H0 + 3 * HOUR, Layer.BATCH, Reason.COMPLETE, 103L, List.of(TOPIC)),
                tuple(H0 + 4 * HOUR, Layer.STREAM, Reason.STILL_FILLING, 5L, List.of(TOPIC)),
                tuple(H0 + 5 * HOUR, Layer.STREAM, Reason.NOT_IN_BATCH, 6L, List.of(RawEvents.GENERATED)),
                tuple(H0 + 6 * HOUR, Layer.STREAM, Reason.LATE_EVENTS, 7L, List.of(TOPIC)),
                tuple(H0 + 7 * HOUR, Layer.STREAM, Reason.NO_BATCH_ROW, 8L, List.of()));
        assertThat(result.rows()).allSatisfy(row -> {
            assertThat(row.addToCartCount()).isEqualTo(2 * row.purchaseCount());
            assertThat(row.pageViewCount()).isEqualTo(10 * row.purchaseCount());
            assertThat((double) row.uniqueVisitors()).isCloseTo(2000, within(3 * RSE * 2000));
        });
        assertThat(result.streamTopic()).isEqualTo(TOPIC);
        assertThat(result.batchCoverage()).filteredOn(source -> source.source().equals(TOPIC))
                .extracting(SourceCoverage::hours, SourceCoverage::completeHours, SourceCoverage::newestCompleteHour)
                .containsExactly(tuple(5, 4, H0 + 6 * HOUR));

        ServedTotal total = result.totals().get(0);
        assertThat(result.totals()).hasSize(1);
        assertThat(total.purchaseCount()).isEqualTo(3 + 103 + 5 + 6 + 7 + 8);
        // hour h has visitors 1000h .. 1000h+1999: hours 2..7 cover 2000..8999, 7,000 distinct (12,000 summed)
        assertThat((double) total.uniqueVisitors()).isCloseTo(7000, within(3 * RSE * 7000));
    }

    private static void assertPrinted(Lab lab, ServingResult result) throws IOException {
        LabCli.Run table = LabCli.run(lab, "query", "--product", SHOES, "--set", "stream.topic=" + TOPIC);
        assertThat(table.exitCode()).as(table.output()).isZero();
        // one line per source, the first labelled
        assertThat(table.output()).containsPattern("\\n(Batch coverage:)? +" + TOPIC + ": 5 hours, 4 complete "
                + "\\(newest 2071-01-01T06:00:00Z\\)").contains("Stream topic:     " + TOPIC + " (setting stream.topic)");
        Map<Reason, String> why = Map.of(Reason.COMPLETE, "", Reason.NO_BATCH_ROW, "",
                Reason.STILL_FILLING, "  hour still filling", Reason.LATE_EVENTS, "  late events after the batch run",
                Reason.NOT_IN_BATCH, "  not in batch: its row holds no " + TOPIC);
        for (ServedRow row : result.rows()) {
            String sources = row.batchSources().isEmpty() ? "-" : String.join("+", row.batchSources());
            assertThat(table.output()).containsPattern(SHOES + " +" + Instant.ofEpochMilli(row.timestampHour())
                    + " +" + row.layer().key() + " +" + row.purchaseCount() + " +" + row.addToCartCount()
                    + " +" + row.pageViewCount() + " +" + row.uniqueVisitors() + " +" + sources + " *"
                    + why.get(row.reason()) + "\n");
        }
        assertThat(table.output()).contains("late events: the speed layer counted events of the hour the batch run "
                + "had not read");
        ServedTotal total = result.totals().get(0);
        assertThat(table.output()).containsPattern(SHOES + " +6 +" + total.purchaseCount() + " +"
                + total.addToCartCount() + " +" + total.pageViewCount() + " +" + total.uniqueVisitors() + "\n");

        LabCli.Run json = LabCli.run(lab, "query", "--product", SHOES, "--hours", "2", "--json",
                "--set", "stream.topic=" + TOPIC);
        assertThat(json.exitCode()).as(json.output()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.output());
        assertThat(root.at("/streamTopic").asText()).isEqualTo(TOPIC);
        List<String> rows = new ArrayList<>();
        root.get("rows").forEach(row -> rows.add(row.get("hour").asText() + " " + row.get("layer").asText() + " "
                + row.get("reason").asText() + " " + row.get("batchSources")));
        assertThat(rows).containsExactly("2071-01-01T06:00:00Z stream late-events [\"" + TOPIC + "\"]",
                "2071-01-01T07:00:00Z stream no-batch-row []");
        assertThat(root.at("/totals/0/hours").asInt()).isEqualTo(2);
    }

    /**
     * One view row of {@code layer} for hour {@code hour}: visitors 1000 x hour .. 1000 x hour + 1999;
     * a batch row with its sources, a stream row with its offsets.
     */
    private static void insert(CqlSession session, String layer, int hour, long purchases, Set<String> sources,
                               Map<Integer, Long> throughOffsets) {
        long timestampHour = H0 + hour * HOUR;
        String extraColumn = sources != null ? "sources" : "through_offsets";
        Object extra = sources != null ? sources : throughOffsets;
        session.execute("INSERT INTO lambda." + layer + "_activity_by_product (product, timestamp_hour, purchase_count, "
                + "add_to_cart_count, page_view_count, " + extraColumn + ") VALUES (?, ?, ?, ?, ?, ?)", SHOES,
                timestampHour, purchases, 2 * purchases, 10 * purchases, extra);
        byte[] sketch = VisitorSketches.of(IntStream.range(1000 * hour, 1000 * hour + 2000)
                .mapToObj(i -> "Visitor-" + i).toList());
        session.execute("INSERT INTO lambda." + layer + "_visitors_by_product (product, timestamp_hour, unique_visitors, "
                + "visitors_sketch, " + extraColumn + ") VALUES (?, ?, ?, ?, ?)", SHOES, timestampHour,
                VisitorSketches.estimate(sketch), ByteBuffer.wrap(sketch), extra);
    }

    /** What a batch run over {@code source}'s hour covered: partition 0 up to offset 100. */
    private static void cover(CqlSession session, String source, int hour, boolean complete) {
        session.execute("INSERT INTO lambda.batch_coverage (source, timestamp_hour, complete, through_offsets, events, "
                + "updated_at) VALUES (?, ?, ?, ?, 100, ?)", source, H0 + hour * HOUR, complete,
                RawEvents.GENERATED.equals(source) ? Map.of() : Map.of(0, 100L), Instant.now());
    }

    /** Hours this late would be the newest of the shared views for every later test: take them out. */
    private static void deleteRows(CqlSession session) {
        for (String table : List.of(LambdaSchema.BATCH_ACTIVITY, LambdaSchema.BATCH_VISITORS,
                LambdaSchema.STREAM_ACTIVITY, LambdaSchema.STREAM_VISITORS)) {
            session.execute("DELETE FROM lambda." + table + " WHERE product = ?", SHOES);
        }
        session.execute("DELETE FROM lambda.batch_coverage WHERE source = ?", TOPIC);
        session.execute("DELETE FROM lambda.batch_coverage WHERE source = ? AND timestamp_hour = ?",
                RawEvents.GENERATED, H0 + 5 * HOUR);
    }
}
