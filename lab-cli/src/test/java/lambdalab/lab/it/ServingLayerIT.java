package lambdalab.lab.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import lambdalab.course.batch.ViewAggregation;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.serving.Layer;
import lambdalab.course.serving.ServedRow;
import lambdalab.course.serving.ServedTotal;
import lambdalab.course.serving.ServingLayer;
import lambdalab.course.serving.ServingResult;
import lambdalab.course.sketches.VisitorSketches;
import lambdalab.course.views.LambdaSchema;
import lambdalab.lab.Lab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The serving layer over rows written into the test lab's real batch and stream views: batch up to
 * the batch watermark, stream after it, and {@code lab query} printing the same. The product is
 * this test's own and its rows are deleted afterwards; the watermark rows it sets are shared, so it
 * puts the previous ones back.
 */
@ExtendWith(TestLab.Extension.class)
class ServingLayerIT {

    private static final String SHOES = "ServingIT,Shoes";
    private static final long H0 = Instant.parse("2071-01-01T00:00:00Z").toEpochMilli();
    private static final long HOUR = ClickEvent.HOUR_MS;
    private static final double RSE = ViewAggregation.RELATIVE_STANDARD_ERROR;

    @Test
    void batchRowsUpToTheWatermarkStreamRowsAfterAndTheCliPrintsThem(TestLab testLab) throws IOException {
        Lab lab = testLab.lab();
        try (CqlSession session = LambdaSchema.openSession(lab.endpoints())) {
            LambdaSchema.create(session, 1);
            List<Row> previousWatermarks = session.execute("SELECT * FROM lambda.layer_watermarks").all();
            try {
                // batch: hours 0, 1, 3, 4 (no hour 2; hour 4 is past its watermark, still filling);
                // stream: hours 1 to 7. Batch counts are 100 + hour, stream counts 1 + hour.
                for (int hour : new int[] {0, 1, 3, 4}) {
                    insert(session, "batch", hour, 100 + hour);
                }
                for (int hour = 1; hour <= 7; hour++) {
                    insert(session, "stream", hour, 1 + hour);
                }
                setWatermark(session, "batch", H0 + 3 * HOUR, 1234);
                setWatermark(session, "stream", H0 + 6 * HOUR, 567);

                ServingResult result = new ServingLayer(session).query(Optional.of(SHOES), 6);
                assertServed(result);
                assertPrinted(lab, result);
                // across all products (a filtered scan): the same rows, as no other test writes hours this late
                ServingResult all = new ServingLayer(session).query(Optional.empty(), 6);
                assertThat(all.rows().stream().filter(row -> row.product().equals(SHOES)))
                        .usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(result.rows());
            } finally {
                restoreWatermarks(session, previousWatermarks);
                deleteRows(session);
            }
        }
    }

    private static void assertServed(ServingResult result) {
        // the last 6 hours end with the newest (7): hours 2..7
        assertThat(result.rows()).extracting(ServedRow::timestampHour, ServedRow::layer, ServedRow::fallback,
                ServedRow::purchaseCount).containsExactly(
                tuple(H0 + 2 * HOUR, Layer.STREAM, true, 3L), // the batch has no row for hour 2
                tuple(H0 + 3 * HOUR, Layer.BATCH, false, 103L),
                tuple(H0 + 4 * HOUR, Layer.STREAM, false, 5L), // past the watermark: stream, not batch
                tuple(H0 + 5 * HOUR, Layer.STREAM, false, 6L),
                tuple(H0 + 6 * HOUR, Layer.STREAM, false, 7L),
                tuple(H0 + 7 * HOUR, Layer.STREAM, false, 8L));
        assertThat(result.rows()).allSatisfy(row -> {
            assertThat(row.addToCartCount()).isEqualTo(2 * row.purchaseCount());
            assertThat(row.pageViewCount()).isEqualTo(10 * row.purchaseCount());
            assertThat((double) row.uniqueVisitors()).isCloseTo(2000, within(3 * RSE * 2000));
        });
        assertThat(result.batchWatermark()).hasValueSatisfying(w -> assertThat(w.watermarkHour()).isEqualTo(H0 + 3 * HOUR));
        assertThat(result.streamWatermark()).hasValueSatisfying(w -> assertThat(w.events()).isEqualTo(567));

        ServedTotal total = result.totals().get(0);
        assertThat(result.totals()).hasSize(1);
        assertThat(total.purchaseCount()).isEqualTo(3 + 103 + 5 + 6 + 7 + 8);
        // hour h has visitors 1000h .. 1000h+1999: hours 2..7 cover 2000..8999, 7,000 distinct (12,000 summed)
        assertThat((double) total.uniqueVisitors()).isCloseTo(7000, within(3 * RSE * 7000));
    }

    private static void assertPrinted(Lab lab, ServingResult result) throws IOException {
        LabCli.Run table = LabCli.run(lab, "query", "--product", SHOES);
        assertThat(table.exitCode()).as(table.output()).isZero();
        assertThat(table.output()).contains("Batch watermark:  2071-01-01T03:00:00Z (1,234 events")
                .contains("Stream watermark: 2071-01-01T06:00:00Z (567 events");
        for (ServedRow row : result.rows()) {
            String layer = row.layer().key() + (row.fallback() ? "*" : "");
            assertThat(table.output()).containsPattern(SHOES + " +" + Instant.ofEpochMilli(row.timestampHour())
                    + " +" + layer.replace("*", "\\*") + " +" + row.purchaseCount() + " +" + row.addToCartCount()
                    + " +" + row.pageViewCount() + " +" + row.uniqueVisitors() + "\n");
        }
        ServedTotal total = result.totals().get(0);
        assertThat(table.output()).containsPattern(SHOES + " +6 +" + total.purchaseCount() + " +"
                + total.addToCartCount() + " +" + total.pageViewCount() + " +" + total.uniqueVisitors() + "\n");

        LabCli.Run json = LabCli.run(lab, "query", "--product", SHOES, "--hours", "2", "--json");
        assertThat(json.exitCode()).as(json.output()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.output());
        assertThat(root.at("/batchWatermark/hour").asText()).isEqualTo("2071-01-01T03:00:00Z");
        List<String> layers = new ArrayList<>();
        root.get("rows").forEach(row -> layers.add(row.get("hour").asText() + " " + row.get("layer").asText()));
        assertThat(layers).containsExactly("2071-01-01T06:00:00Z stream", "2071-01-01T07:00:00Z stream");
        assertThat(root.at("/totals/0/hours").asInt()).isEqualTo(2);
    }

    /** One view row of {@code layer} for hour {@code hour}: visitors 1000 x hour .. 1000 x hour + 1999. */
    private static void insert(CqlSession session, String layer, int hour, long purchases) {
        long timestampHour = H0 + hour * HOUR;
        session.execute("INSERT INTO lambda." + layer + "_activity_by_product (product, timestamp_hour, purchase_count, "
                + "add_to_cart_count, page_view_count) VALUES (?, ?, ?, ?, ?)", SHOES, timestampHour, purchases,
                2 * purchases, 10 * purchases);
        byte[] sketch = VisitorSketches.of(IntStream.range(1000 * hour, 1000 * hour + 2000)
                .mapToObj(i -> "Visitor-" + i).toList());
        session.execute("INSERT INTO lambda." + layer + "_visitors_by_product (product, timestamp_hour, unique_visitors, "
                + "visitors_sketch) VALUES (?, ?, ?, ?)", SHOES, timestampHour, VisitorSketches.estimate(sketch),
                ByteBuffer.wrap(sketch));
    }

    private static void setWatermark(CqlSession session, String layer, long hour, long events) {
        session.execute("INSERT INTO lambda.layer_watermarks (layer, watermark_hour, events, updated_at) "
                + "VALUES (?, ?, ?, ?)", layer, hour, events, Instant.now());
    }

    /** Hours this late would be the newest of the shared views for every later test: take them out. */
    private static void deleteRows(CqlSession session) {
        for (String table : List.of(LambdaSchema.BATCH_ACTIVITY, LambdaSchema.BATCH_VISITORS,
                LambdaSchema.STREAM_ACTIVITY, LambdaSchema.STREAM_VISITORS)) {
            session.execute("DELETE FROM lambda." + table + " WHERE product = ?", SHOES);
        }
    }

    /** Other tests (the batch layer's) record watermarks in the same table: leave it as it was. */
    private static void restoreWatermarks(CqlSession session, List<Row> previous) {
        session.execute("DELETE FROM lambda.layer_watermarks WHERE layer IN ('batch', 'stream')");
        for (Row row : previous) {
            session.execute("INSERT INTO lambda.layer_watermarks (layer, watermark_hour, events, updated_at) "
                    + "VALUES (?, ?, ?, ?)", row.getString("layer"), row.getObject("watermark_hour"),
                    row.getObject("events"), row.getInstant("updated_at"));
        }
    }
}
