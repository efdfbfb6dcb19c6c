package lambdalab.lab.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import lambdalab.course.lambdaplus.PlusSchema;
import lambdalab.course.lambdaplus.Rollup;
import lambdalab.course.lambdaplus.RollupTables;
import lambdalab.course.lambdaplus.SensorRun;
import lambdalab.course.lambdaplus.SensorTruth;
import lambdalab.course.lambdaplus.TimeBuckets;
import lambdalab.course.views.LambdaSchema;
import lambdalab.lab.Lab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lambda+ end to end on the run's lab: `lab plus start` (the real app server and speed job), sensors
 * posting over HTTP with 5% of their readings lost on the way to the speed layer, the speed rollups
 * (short exactly by the lost readings), the batch correction (exact), the dashboard in a real headless
 * Chromium (its numbers are Cassandra's; a screenshot is kept in target/), the batch's rerun (no change), bad
 * requests (4xx, nothing stored), `lab plus demo` and `lab plus stop`. The steps build on each other, in order.
 */
@ExtendWith(TestLab.Extension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlusIT {

    private static final int READINGS = 10_000;
    private static final double DROP = 0.05;

    private Lab lab;
    private CqlSession session;
    private RollupTables tables;
    private SensorTruth truth;
    private long from;
    private long to;
    private Map<Long, RollupTables.StoredBucket> afterFirstBatch;

    @BeforeAll
    void emptyTheLambdaPlusTables(TestLab testLab) {
        lab = testLab.lab();
        session = LambdaSchema.openSession(lab.endpoints());
        PlusSchema.create(session, 1);
        for (String table : List.of(PlusSchema.RECORDS, PlusSchema.BUCKET_ROLLUPS, PlusSchema.SENSOR_ROLLUPS,
                PlusSchema.BATCH_RUNS)) {
            session.execute("TRUNCATE " + PlusSchema.KEYSPACE + "." + table);
        }
        tables = new RollupTables(session);
    }

    @AfterAll
    void stopLambdaPlus() {
        LabCli.run(lab, "plus", "stop");
        session.close();
    }

    @Test
    @Order(1)
    void startRunsTheAppServerAndTheSpeedJob() {
        LabCli.Run start = LabCli.run(lab, "plus", "start");
        assertThat(start.exitCode()).as(start.output()).isZero();
        assertThat(start.output()).contains("The plus-app job is ready", "The plus-speed job is ready",
                "Dashboard: " + lab.plusApp().address());
        String status = LabCli.run(lab, "status").output();
        assertThat(status).contains("plus-app", "plus-speed");
    }

    @Test
    @Order(2)
    void everyAcceptedReadingIsInRecordsAndTheSpeedRollupsLackExactlyTheLostOnes() throws Exception {
        SensorRun run = new SensorRun(lab.plusApp().address(), 100, 7, 4_000, READINGS, 250, DROP);
        truth = run.run(accepted -> { });
        assertThat(truth.readings()).isEqualTo(READINGS);
        assertThat(truth.dropped()).as("about 5% lost before the speed layer").isBetween(300L, 700L);
        from = truth.buckets().keySet().iterator().next();
        to = lastKey(truth.buckets()) + TimeBuckets.BUCKET_MS;

        assertThat(tables.records(from, to)).as("records rows").isEqualTo(READINGS);
        // the speed job catches up within seconds; its rows then hold what reached Kafka, no more
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(rollups(tables.buckets(from, to))).isEqualTo(truth.speedBuckets()));
        Map<Long, RollupTables.StoredBucket> speed = tables.buckets(from, to);
        assertThat(speed.values()).allMatch(row -> row.writtenBy().equals(PlusSchema.BY_SPEED));
        long short_ = truth.buckets().entrySet().stream()
                .filter(bucket -> !bucket.getValue().equals(rollups(speed).get(bucket.getKey()))).count();
        assertThat(short_).as("buckets the speed layer got wrong (those with a lost reading)")
                .isEqualTo(bucketsWithLostReadings());
    }

    @Test
    @Order(3)
    void theBatchRunCorrectsEveryBucketAndFillsTheSensorRollups() {
        LabCli.Run batch = LabCli.run(lab, "plus", "batch", "--horizon", "0s");
        assertThat(batch.exitCode()).as(batch.output()).isZero();
        assertThat(batch.output()).contains(String.format("%,d records", READINGS),
                String.format("(%,d corrected)", bucketsWithLostReadings()));

        afterFirstBatch = tables.buckets(from, to);
        assertThat(rollups(afterFirstBatch)).isEqualTo(truth.buckets());
        assertThat(afterFirstBatch.values()).allMatch(row -> row.writtenBy().equals(PlusSchema.BY_BATCH));
        assertThat(tables.sensors()).isEqualTo(truth.sensors());
    }

    @Test
    @Order(4)
    void theDashboardInARealBrowserShowsTheRollupsOfCassandra() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start(1280, 1000)) {
            browser.open(lab.plusApp().address().resolve("/"));
            // the page polls every second: wait for a refresh that drew every sensor
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                    browser.evaluate("document.querySelectorAll('#sensor-table tbody tr').length").asInt() == 100
                            && browser.evaluate("Number(document.getElementById('chart').dataset.points)").asInt() > 0);
            browser.screenshot(Path.of("target", "plus-dashboard.png"));

            JsonNode shown = browser.evaluate("[...document.querySelectorAll('#sensor-table tbody tr')]"
                    + ".map(tr => [...tr.children].map(td => td.textContent))");
            Map<Integer, List<String>> expected = new TreeMap<>();
            tables.sensors().forEach((sensor, rollup) -> expected.put(sensor, List.of(sensor.toString(),
                    Long.toString(rollup.rollup().count()), threeDecimals(rollup.rollup().avg()),
                    threeDecimals(rollup.rollup().min()), threeDecimals(rollup.rollup().max()),
                    threeDecimals(rollup.lastReading()))));
            Map<Integer, List<String>> onPage = new TreeMap<>();
            shown.forEach(row -> {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(cell.asText()));
                onPage.put(Integer.parseInt(cells.get(0)), cells);
            });
            assertThat(onPage).as("the sensor table").isEqualTo(expected);

            JsonNode chart = browser.evaluate("echarts.getInstanceByDom(document.getElementById('chart'))"
                    + ".getOption().series[0].data");
            Map<Long, Rollup> perSecond = new TreeMap<>();
            tables.buckets(from, to).forEach((bucket, row) ->
                    perSecond.merge(TimeBuckets.secondOf(bucket), row.rollup(), Rollup::merge));
            assertThat(chart.size()).as("points on the chart").isEqualTo(perSecond.size());
            chart.forEach(point -> assertThat(point.get(1).asDouble()).as("average of second " + point.get(0))
                    .isCloseTo(perSecond.get(point.get(0).asLong()).avg(), within(1e-9)));
        }
    }

    @Test
    @Order(5)
    void aRerunChangesNothing() {
        LabCli.Run again = LabCli.run(lab, "plus", "batch", "--horizon", "0s");
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("(0 corrected)");
        assertThat(tables.buckets(from, to)).isEqualTo(afterFirstBatch);
        assertThat(tables.sensors()).isEqualTo(truth.sensors());
    }

    @Test
    @Order(6)
    void badRequestsAndA300RequestFuzzGetA4xxAndStoreNothing() throws Exception {
        URI readings = lab.plusApp().address().resolve("/readings");
        long now = System.currentTimeMillis();
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("not JSON", "{sensor_id: 1");
        bodies.put("missing field", "{\"sensor_id\":1,\"reading\":2.5}");
        bodies.put("wrong type", "{\"sensor_id\":1,\"reading\":\"hot\",\"ts\":" + now + "}");
        bodies.put("NaN", "{\"sensor_id\":1,\"reading\":NaN,\"ts\":" + now + "}");
        bodies.put("far future", "{\"sensor_id\":1,\"reading\":2.5,\"ts\":" + (now + 86_400_000L) + "}");
        bodies.put("one bad in a batch", "[{\"sensor_id\":1,\"reading\":2.5,\"ts\":" + now + "},{\"sensor_id\":-1,"
                + "\"reading\":2.5,\"ts\":" + now + "}]");
        bodies.put("1 MB", "[" + "{\"sensor_id\":1,\"reading\":2.5,\"ts\":" + now + "},".repeat(25_000) + "]");
        HttpClient http = HttpClient.newHttpClient();
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(readings)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.getValue())).build(), HttpResponse.BodyHandlers.ofString());
            statuses.put(body.getKey(), response.statusCode());
        }
        statuses.put("unknown path", http.send(HttpRequest.newBuilder(lab.plusApp().address().resolve("/nowhere"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        Random random = new Random(14);
        for (int i = 0; i < 300; i++) {
            String body = brokenBody(random, 5_000 + 3 * i, now);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(readings)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            statuses.put("fuzz " + i + ": " + body, response.statusCode());
        }
        assertThat(statuses).allSatisfy((what, status) -> assertThat(status).as(what).isBetween(400, 499));
        long bucket = TimeBuckets.bucketOf(now);
        long future = TimeBuckets.bucketOf(now + 86_400_000L);
        assertThat(tables.records(bucket, bucket + TimeBuckets.BUCKET_MS)
                + tables.records(future, future + TimeBuckets.BUCKET_MS))
                .as("records stored in the buckets of the bad requests' readings").isZero();
    }

    @Test
    @Order(7)
    void theDemoPostsReadingsAndRunsTheBatchWhileLeavingRunningJobsAlone() {
        long start = TimeBuckets.bucketOf(System.currentTimeMillis());
        LabCli.Run demo = LabCli.run(lab, "plus", "demo", "--rate", "500", "--seed", "11", "--duration", "5s",
                "--batch-every", "2s");
        long end = TimeBuckets.bucketOf(System.currentTimeMillis()) + TimeBuckets.BUCKET_MS;
        assertThat(demo.exitCode()).as(demo.output()).isZero();
        assertThat(demo.output()).contains("[plus demo] batch run 1 ...", "[batch] Lambda+ batch:",
                "Lambda+ keeps running");
        Matcher accepted = Pattern.compile("stopped: ([\\d,]+) readings accepted").matcher(demo.output());
        assertThat(accepted.find()).as(demo.output()).isTrue();
        long readings = Long.parseLong(accepted.group(1).replace(",", ""));
        assertThat(readings).as("readings at 500/s for 5 s and the batch run's time").isGreaterThan(2_000);
        assertThat(tables.records(start, end)).as("records of the demo's readings").isEqualTo(readings);
    }

    @Test
    @Order(8)
    void stopEndsBothJobs() {
        LabCli.Run stop = LabCli.run(lab, "plus", "stop");
        assertThat(stop.exitCode()).as(stop.output()).isZero();
        assertThat(stop.output()).contains("The plus-app job stopped", "The plus-speed job stopped");
    }

    /**
     * A request of three readings made invalid in one random way: cut short, one field missing, of a
     * wrong type or out of range, an unknown or a repeated field.
     */
    private static String brokenBody(Random random, int firstSensor, long now) {
        List<Map<String, String>> readings = new ArrayList<>();
        for (int sensor = firstSensor; sensor < firstSensor + 3; sensor++) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("sensor_id", Integer.toString(sensor));
            fields.put("reading", "21.5");
            fields.put("ts", Long.toString(now));
            readings.add(fields);
        }
        Map<String, String> victim = readings.get(random.nextInt(3));
        String field = List.of("sensor_id", "reading", "ts").get(random.nextInt(3));
        Map<String, List<String>> wrong = Map.of(
                "sensor_id", List.of("\"7\"", "null", "true", "{}", "[]", "1.5", "-1", "99999999999999999999", "NaN"),
                "reading", List.of("\"hot\"", "null", "true", "{}", "[]", "NaN", "Infinity", "1e999", "1e10"),
                "ts", List.of("\"now\"", "null", "true", "{}", "[]", "-5", Long.toString(now + 86_400_000L),
                        "946684799999"));
        String extra = "";
        switch (random.nextInt(4)) {
            case 0 -> victim.remove(field);
            case 1 -> victim.put(field, wrong.get(field).get(random.nextInt(wrong.get(field).size())));
            case 2 -> extra = ",\"unit\":\"C\"";
            default -> extra = ",\"" + field + "\":" + victim.get(field);
        }
        String finalExtra = extra;
        String body = readings.stream().map(fields -> fields.entrySet().stream()
                        .map(e -> "\"" + e.getKey() + "\":" + e.getValue()).collect(Collectors.joining(",", "{",
                                fields == victim ? finalExtra + "}" : "}")))
                .collect(Collectors.joining(",", "[", "]"));
        // one request in five is also cut short
        return random.nextInt(5) == 0 ? body.substring(0, 1 + random.nextInt(body.length() - 2)) : body;
    }

    /** As the page shows a number: JavaScript's toFixed(3), which rounds the double's exact value half up. */
    private static String threeDecimals(double value) {
        return new BigDecimal(value).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    private long bucketsWithLostReadings() {
        return truth.buckets().keySet().stream()
                .filter(bucket -> !truth.buckets().get(bucket).equals(truth.speedBuckets().get(bucket))).count();
    }

    private static Map<Long, Rollup> rollups(Map<Long, RollupTables.StoredBucket> rows) {
        return rows.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().rollup(),
                (a, b) -> a, java.util.TreeMap::new));
    }

    private static long lastKey(Map<Long, ?> sorted) {
        return sorted.keySet().stream().reduce((a, b) -> b).orElseThrow();
    }
}
