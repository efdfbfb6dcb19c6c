package lambdalab.lab.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import lambdalab.course.clickstream.GroundTruth;
import lambdalab.course.clickstream.HourlyActivity;
import lambdalab.course.clickstream.ProductHour;
import lambdalab.course.views.LambdaSchema;
import lambdalab.lab.Lab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's own sequence, every command with its defaults: `batch load`, `stream start`,
 * `generate`, `batch`, then `lab query`. On the run's lab with the course's data wiped first, since
 * the defaults (topic weblogs-text, the raw dataset, the start times) are exactly what the test is
 * about and other tests write there too. The loaded and the streamed events must stay apart: the
 * served hours show what was generated, not the generated events plus the loaded ones.
 */
@ExtendWith(TestLab.Extension.class)
class ReadmeSequenceIT {

    @TempDir
    Path dir;

    @Test
    void loadedAndStreamedEventsStayApartAndTheServedCountsAreTheTruth(TestLab testLab) throws Exception {
        testLab.wipeCourseData();
        try {
            runSequence(testLab.lab());
        } finally {
            LabCli.run(testLab.lab(), "stream", "stop");
        }
    }

    private void runSequence(Lab lab) throws Exception {
        ok(LabCli.run(lab, "batch", "load", "--truth", dir.resolve("loaded.tsv").toString()));
        ok(LabCli.run(lab, "stream", "start"));
        ok(LabCli.run(lab, "generate", "--truth", dir.resolve("generated.tsv").toString()));
        SortedMap<ProductHour, HourlyActivity> generated = GroundTruth.readTsv(dir.resolve("generated.tsv"));
        awaitStreamed(lab, generated.values().stream().mapToLong(ReadmeSequenceIT::events).sum());

        LabCli.Run batch = ok(LabCli.run(lab, "batch"));

        assertThat(batch.output()).doesNotContain("Warning");
        Map<ProductHour, JsonNode> served = served(lab);
        for (HourlyActivity expected : generated.values()) {
            JsonNode row = served.get(expected.key());
            assertThat(row).as("served row for " + expected.key()).isNotNull();
            String what = expected.key() + " served from " + row.path("layer").asText() + " " + row.path("reason").asText();
            assertThat(row.get("purchaseCount").asLong()).as(what).isEqualTo(expected.purchaseCount());
            assertThat(row.get("addToCartCount").asLong()).as(what).isEqualTo(expected.addToCartCount());
            assertThat(row.get("pageViewCount").asLong()).as(what).isEqualTo(expected.pageViewCount());
        }
        assertThat(served.keySet()).as("the served hours are the generated ones").isEqualTo(generated.keySet());
        assertThat(served.values()).allSatisfy(row ->
                assertThat(row.path("batchSources").toString()).isIn("[]", "[\"weblogs-text\"]"));
        assertThat(ok(LabCli.run(lab, "query", "--hours", "48")).output()).containsPattern(" weblogs-text(\n|  )");
    }

    private static long events(HourlyActivity activity) {
        return activity.purchaseCount() + activity.addToCartCount() + activity.pageViewCount();
    }

    private static LabCli.Run ok(LabCli.Run run) {
        assertThat(run.exitCode()).as(run.output()).isZero();
        return run;
    }

    /** Per (product, hour) the row `lab query --json` serves over the last two days of events. */
    private static Map<ProductHour, JsonNode> served(Lab lab) throws IOException {
        LabCli.Run run = ok(LabCli.run(lab, "query", "--hours", "48", "--json"));
        Map<ProductHour, JsonNode> rows = new HashMap<>();
        for (JsonNode row : new ObjectMapper().readTree(run.output()).get("rows")) {
            rows.put(new ProductHour(row.get("product").asText(), row.get("hourMs").asLong()), row);
        }
        return rows;
    }

    /** Waits until the speed layer has committed {@code events} offsets of topic weblogs-text. */
    private static void awaitStreamed(Lab lab, long events) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        // one session for every reading: a connect costs the driver's schema read, here and in Cassandra
        try (CqlSession session = LambdaSchema.openSession(lab.endpoints())) {
            long committed = 0;
            while (committed < events) {
                assertThat(Instant.now()).as("the speed layer committed " + committed + " of " + events + " events")
                        .isBefore(deadline);
                Thread.sleep(500);
                committed = committed(session);
            }
        }
    }

    private static long committed(CqlSession session) {
        if (session.getMetadata().getKeyspace("lambda").flatMap(k -> k.getTable("stream_offsets")).isEmpty()) {
            return 0;
        }
        long sum = 0;
        for (Row row : session.execute("SELECT next_offset FROM lambda.stream_offsets WHERE topic = 'weblogs-text'")) {
            sum += row.getLong("next_offset");
        }
        return sum;
    }
}
