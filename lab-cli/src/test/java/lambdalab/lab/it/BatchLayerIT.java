package lambdalab.lab.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;
import lambdalab.course.batch.RawEvents;
import lambdalab.course.batch.ViewAggregation;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.clickstream.ClickstreamGenerator;
import lambdalab.course.clickstream.FileSink;
import lambdalab.course.clickstream.GeneratorSettings;
import lambdalab.course.clickstream.GroundTruth;
import lambdalab.course.clickstream.HourlyActivity;
import lambdalab.course.clickstream.ProductHour;
import lambdalab.course.clickstream.TeeSink;
import lambdalab.lab.Lab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The batch layer on the test lab's real HDFS and Cassandra, checked against the generator's truth. */
@ExtendWith(TestLab.Extension.class)
class BatchLayerIT {

    @TempDir
    Path dir;

    @Test
    void batchViewsMatchTheTruthAndARerunLeavesIdenticalRows(TestLab testLab) throws IOException {
        Lab lab = testLab.lab();
        // only the events loaded here: the speed layer's tests and the demo file theirs under other topics,
        // and what the notes may have loaded under this one before is deleted first
        RawFixture generated = new RawFixture(lab.endpoints(), RawEvents.DEFAULT_PATH + "/topic=" + RawEvents.GENERATED);
        generated.delete();
        String loaded = generated.root();
        Path truthFile = dir.resolve("truth.tsv");
        LabCli.Run load = LabCli.run(lab, "batch", "load", "--events", "100000", "--seed", "11",
                "--truth", truthFile.toString());
        assertThat(load.exitCode()).as(load.output()).isZero();

        LabCli.Run first = LabCli.run(lab, "batch", "--input", loaded);
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("100,000 events read");
        SortedMap<ProductHour, HourlyActivity> truth = GroundTruth.readTsv(truthFile);
        long firstHour = truth.firstKey().timestampHour();
        long lastHour = truth.keySet().stream().mapToLong(ProductHour::timestampHour).max().orElseThrow();
        Map<ProductHour, Row> activity = rows(lab, "batch_activity_by_product");
        Map<ProductHour, Row> visitors = rows(lab, "batch_visitors_by_product");
        // other tests write other hours into the same views: compare this load's hours
        activity.keySet().removeIf(key -> key.timestampHour() < firstHour || key.timestampHour() > lastHour);

        assertThat(activity.keySet()).isEqualTo(truth.keySet());
        double relativeErrors = 0;
        for (HourlyActivity expected : truth.values()) {
            Row counts = activity.get(expected.key());
            assertThat(counts.getLong("purchase_count")).isEqualTo(expected.purchaseCount());
            assertThat(counts.getLong("add_to_cart_count")).isEqualTo(expected.addToCartCount());
            assertThat(counts.getLong("page_view_count")).isEqualTo(expected.pageViewCount());
            long estimate = visitors.get(expected.key()).getLong("unique_visitors");
            // 5 standard errors: holds for every one of thousands of groups, not just most
            double bound = 5 * ViewAggregation.RELATIVE_STANDARD_ERROR * expected.uniqueVisitors() + 1;
            assertThat((double) Math.abs(estimate - expected.uniqueVisitors())).as(expected.key().toString())
                    .isLessThanOrEqualTo(bound);
            relativeErrors += Math.abs(estimate - expected.uniqueVisitors()) / (double) expected.uniqueVisitors();
        }
        assertThat(relativeErrors / truth.size()).isLessThan(2 * ViewAggregation.RELATIVE_STANDARD_ERROR);

        LabCli.Run rerun = LabCli.run(lab, "batch", "--input", loaded);
        assertThat(rerun.exitCode()).as(rerun.output()).isZero();
        Map<ProductHour, Row> activityAgain = rows(lab, "batch_activity_by_product");
        Map<ProductHour, Row> visitorsAgain = rows(lab, "batch_visitors_by_product");
        activityAgain.keySet().retainAll(truth.keySet());
        visitorsAgain.keySet().retainAll(truth.keySet());
        visitors.keySet().retainAll(truth.keySet());
        assertThat(describe(activityAgain)).isEqualTo(describe(activity));
        assertThat(describe(visitorsAgain)).isEqualTo(describe(visitors));
    }

    @Test
    void anHourWithEventsOfTwoSourcesIsReportedWithThemAndASourceCanBeChosen(TestLab testLab) throws IOException {
        Lab lab = testLab.lab();
        String topic = "sources-it-" + UUID.randomUUID();
        String product = "BatchIT,Sources";
        long h0 = Instant.parse("2073-01-01T00:00:00Z").toEpochMilli();
        long h1 = h0 + ClickEvent.HOUR_MS;
        long h2 = h1 + ClickEvent.HOUR_MS;
        RawFixture raw = new RawFixture(lab.endpoints(), "/batch-it/" + topic);
        raw.loadedFile(h0, RawFixture.events(product, h0, 1, 2, 0)); // hour 0: loaded only
        raw.loadedFile(h1, RawFixture.events(product, h1, 1, 2, 0)); // hour 1: loaded and streamed
        raw.streamFile(topic, 0, h1, 0, 3, RawFixture.events(product, h1, 1, 2, 0));
        raw.streamFile(topic, 0, h2, 3, 6, RawFixture.events(product, h2, 1, 2, 0)); // hour 2: streamed only
        try {
            LabCli.Run run = LabCli.run(lab, "batch", "--input", raw.root());

            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).containsPattern("Warning: 2073-01-01T01:00:00Z holds events of 2 sources: "
                    + "generated \\(3\\), " + topic + " \\(3\\)")
                    .doesNotContain("Warning: 2073-01-01T00:00:00Z").doesNotContain("Warning: 2073-01-01T02:00:00Z");
            assertThat(batchSources(lab, product, topic)).containsExactly(
                    "2073-01-01T00:00:00Z [\"generated\"] 1", "2073-01-01T01:00:00Z [\"generated\",\"" + topic + "\"] 2",
                    "2073-01-01T02:00:00Z [\"" + topic + "\"] 1");
            LabCli.Run table = LabCli.run(lab, "query", "--product", product, "--hours", "3");
            assertThat(table.output()).containsPattern("2073-01-01T01:00:00Z .* generated\\+" + topic + "\n");

            LabCli.Run oneSource = LabCli.run(lab, "batch", "--input", raw.root(), "--source", topic);

            assertThat(oneSource.exitCode()).as(oneSource.output()).isZero();
            assertThat(oneSource.output()).doesNotContain("Warning");
            assertThat(batchSources(lab, product, topic)).contains("2073-01-01T01:00:00Z [\"" + topic + "\"] 1");
        } finally {
            try (CqlSession session = lab.services().cassandra().openSession(Duration.ofSeconds(30))) {
                for (String table : List.of("batch_activity_by_product", "batch_visitors_by_product")) {
                    session.execute("DELETE FROM lambda." + table + " WHERE product = ?", product);
                }
                if (session.getMetadata().getKeyspace("lambda").flatMap(k -> k.getTable("batch_coverage")).isPresent()) {
                    session.execute("DELETE FROM lambda.batch_coverage WHERE source = ?", topic);
                    session.execute("DELETE FROM lambda.batch_coverage WHERE source = 'generated' AND timestamp_hour IN ?",
                            List.of(h0, h1));
                }
            }
            raw.delete();
        }
    }

    /** Per served row of `lab query --json` (the topic as the stream's): hour, its batch row's sources, purchases. */
    private static List<String> batchSources(Lab lab, String product, String topic) throws IOException {
        LabCli.Run run = LabCli.run(lab, "query", "--product", product, "--hours", "3", "--json",
                "--set", "stream.topic=" + topic);
        assertThat(run.exitCode()).as(run.output()).isZero();
        List<String> rows = new ArrayList<>();
        for (JsonNode row : new ObjectMapper().readTree(run.output()).get("rows")) {
            rows.add(row.get("hour").asText() + " " + row.path("batchSources") + " " + row.get("purchaseCount").asLong());
        }
        return rows;
    }

    @Test
    void malformedTsvLinesAreCountedWithTheirReasonAndSkipped(TestLab testLab) throws IOException {
        Path input = dir.resolve("tsv");
        GroundTruth truth = new GroundTruth();
        GeneratorSettings settings = GeneratorSettings.builder().events(1000).seed(5)
                .startMs(java.time.Instant.parse("2031-01-01T00:00:00Z").toEpochMilli()).build();
        try (TeeSink sink = TeeSink.of(new FileSink(input, 500), truth)) {
            new ClickstreamGenerator(settings).writeTo(sink);
        }
        try (OutputStream bad = Files.newOutputStream(input.resolve("part-bad.tsv"))) {
            bad.write(("notatime\tGoogle\tpurchase\t\tVisitor-1\tPage-1\tA,B\n"
                    + "1924905600000\tGoogle\tpurchase\t\tVisitor-1\tPage-1\n"
                    + "1924905600000\tGoogle\tbuy\t\tVisitor-1\tPage-1\tA,B\n"
                    + "1924905600000\tGoogle\tpurchase\t\tVisitor-1\tPage-1\t" + "x".repeat(5000) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            bad.write(new byte[] {'1', '\t', (byte) 0xC3, (byte) 0x28, '\n'});
        }

        LabCli.Run withoutTsv = LabCli.run(testLab.lab(), "batch", "--input", input.toString());
        assertThat(withoutTsv.exitCode()).isEqualTo(1);
        assertThat(withoutTsv.output()).contains("TSV clickstream files. Read them with --tsv");

        // a bare path the lab's HDFS does not have: the folder the generator just wrote on this machine
        LabCli.Run run = LabCli.run(testLab.lab(), "batch", "--tsv", "--input", input.toString());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("from this machine").contains("1,000 events read")
                .contains("BAD_TIMESTAMP 1").contains("FIELD_COUNT 1").contains("UNKNOWN_ACTION 1")
                .contains("OVERSIZE_LINE 1").contains("BAD_ENCODING 1");
        Map<ProductHour, Row> activity = rows(testLab.lab(), "batch_activity_by_product");
        for (HourlyActivity expected : truth.activity().values()) {
            assertThat(activity.get(expected.key()).getLong("page_view_count")).isEqualTo(expected.pageViewCount());
        }
    }

    @Test
    void aMissingOrEmptyInputSaysWhereItLookedAndWhatToDo(TestLab testLab) throws IOException {
        LabCli.Run missing = LabCli.run(testLab.lab(), "batch", "--input", "/no/such/raw/events");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.output()).contains("No input at /no/such/raw/events: neither on the lab's HDFS")
                .contains("nor on this machine").contains("./lab batch load").doesNotContain("No predefined schema");

        Path empty = Files.createDirectories(dir.resolve("empty"));
        LabCli.Run none = LabCli.run(testLab.lab(), "batch", "--tsv", "--input", empty.toUri().toString());
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.output()).contains("No input files at").contains("./lab generate --to files");
    }

    private static Map<ProductHour, Row> rows(Lab lab, String table) {
        Map<ProductHour, Row> rows = new HashMap<>();
        try (CqlSession session = lab.services().cassandra().openSession(Duration.ofSeconds(30))) {
            for (Row row : session.execute("SELECT * FROM lambda." + table)) {
                rows.put(new ProductHour(row.getString("product"), row.getLong("timestamp_hour")), row);
            }
        }
        return rows;
    }

    /** Every column of every row as text, for comparing two reads of a view. */
    private static Map<ProductHour, String> describe(Map<ProductHour, Row> rows) {
        Map<ProductHour, String> described = new HashMap<>();
        rows.forEach((key, row) -> described.put(key, row.getFormattedContents()));
        return described;
    }
}
