package lambdalab.sensorapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import lambdalab.course.lambdaplus.SensorReading;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP server with in-memory stores: status codes, JSON shapes, all-or-nothing, the drill, a graceful stop. */
class SensorAppHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final InMemorySinks sinks = new InMemorySinks();
    private final AppStats stats = new AppStats();
    private Javalin app;
    private String base;

    private void start(boolean allowDrills) {
        DoubleWriter writer = new DoubleWriter(sinks.recordsSink, sinks.speedSink, Duration.ofSeconds(5),
                DoubleWriter.DEFAULT_MAX_IN_FLIGHT, stats);
        ServerOptions options = new ServerOptions("127.0.0.1", 0, "127.0.0.1:9092", "127.0.0.1", 9042, allowDrills,
                60, null);
        app = SensorApp.create(options, writer, new CannedDashboard(), stats, Clock.systemUTC()).start();
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private static String reading(int sensor, double value, long ts) {
        return "{\"sensor_id\": " + sensor + ", \"reading\": " + value + ", \"ts\": " + ts + "}";
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    private HttpResponse<String> post(String path, String body, String contentType) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, body, "application/json");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    @Test
    void acceptsOneReadingAndAnArray() throws Exception {
        start(false);
        long ts = now();
        HttpResponse<String> one = post("/readings", reading(42, 21.375, ts));
        assertThat(one.statusCode()).isEqualTo(202);
        assertThat(json(one).get("accepted").asInt()).isEqualTo(1);

        HttpResponse<String> array = post("/readings", "[" + reading(1, 1.5, ts) + "," + reading(2, -2, ts) + "]",
                "text/plain");
        assertThat(array.statusCode()).isEqualTo(202);
        assertThat(json(array).get("accepted").asInt()).isEqualTo(2);

        assertThat(sinks.records).containsExactlyInAnyOrder(new SensorReading(42, 21.375, ts),
                new SensorReading(1, 1.5, ts), new SensorReading(2, -2, ts));
        assertThat(sinks.kafka).containsExactlyInAnyOrderElementsOf(sinks.records);
        JsonNode stats = json(get("/api/stats"));
        assertThat(stats.get("requests").asLong()).isEqualTo(2);
        assertThat(stats.get("readingsAccepted").asLong()).isEqualTo(3);
        assertThat(stats.get("inFlight").asInt()).isZero();
    }

    @Test
    void refusesBadRequestsWholeAndStoresNothing() throws Exception {
        start(false);
        long ts = now();
        String good = reading(1, 1.0, ts);
        Map<String, String> bad = Map.of(
                "not json", "hello",
                "empty array", "[]",
                "text reading", "[" + good + ",{\"sensor_id\": 2, \"reading\": \"hot\", \"ts\": " + ts + "}]",
                "negative id", "[" + good + "," + reading(-1, 1, ts) + "]",
                "future", "[" + good + "," + reading(3, 1, ts + 3_600_000) + "]",
                "unknown field", "{\"sensor_id\": 2, \"reading\": 1, \"ts\": " + ts + ", \"x\": 1}",
                "NaN", "{\"sensor_id\": 2, \"reading\": NaN, \"ts\": " + ts + "}",
                "empty", "");
        for (Map.Entry<String, String> entry : bad.entrySet()) {
            HttpResponse<String> response = post("/readings", entry.getValue());
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(400);
            assertThat(json(response).get("error").asText()).as(entry.getKey()).isNotBlank();
        }
        JsonNode second = json(post("/readings", "[" + good + "," + reading(-1, 1, ts) + "]"));
        assertThat(second.get("index").asInt()).isEqualTo(1);
        assertThat(second.get("error").asText()).contains("sensor_id must not be negative");
        assertThat(sinks.records).isEmpty();
        assertThat(sinks.kafka).isEmpty();
        assertThat(json(get("/api/stats")).get("requestsRejected").asLong()).isEqualTo(bad.size() + 1);
    }

    @Test
    void refusesABodyOverOneMegabyteWith413() throws Exception {
        start(false);
        StringBuilder body = new StringBuilder("[");
        while (body.length() < 1_100_000) {
            body.append(reading(1, 1.0, now())).append(',');
        }
        body.setLength(body.length() - 1);
        HttpResponse<String> response = post("/readings", body.append(']').toString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("error").asText()).contains("1 MB");
        assertThat(sinks.records).isEmpty();
    }

    @Test
    void unknownPathsAndWrongMethodsAreJson4xx() throws Exception {
        start(false);
        HttpResponse<String> unknown = get("/nope");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("error").asText()).contains("/nope");
        assertThat(get("/readings").statusCode()).isBetween(404, 405);
        assertThat(post("/health", "{}").statusCode()).isBetween(404, 405);
        HttpResponse<String> delete = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/readings")).DELETE()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(delete.statusCode()).isBetween(404, 405);
    }

    @Test
    void theDrillNeedsAllowDrills() throws Exception {
        start(false);
        HttpResponse<String> refused = post("/readings?drill=skip-kafka", reading(1, 1, now()));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("error").asText()).contains("--allow-drills");
        assertThat(post("/readings?drill=other", reading(1, 1, now())).statusCode()).isEqualTo(400);
        assertThat(sinks.records).isEmpty();
    }

    @Test
    void theDrillStoresButKeepsFromKafka() throws Exception {
        start(true);
        HttpResponse<String> response = post("/readings?drill=skip-kafka", "[" + reading(1, 1, now()) + ","
                + reading(2, 2, now()) + "]");
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response).get("accepted").asInt()).isEqualTo(2);
        assertThat(sinks.records).hasSize(2);
        assertThat(sinks.kafka).isEmpty();
        assertThat(json(get("/api/stats")).get("drillSkipped").asLong()).isEqualTo(2);
    }

    @Test
    void failedWritesAre503WithRetryAfter() throws Exception {
        start(false);
        sinks.failRecords = true;
        HttpResponse<String> records = post("/readings", reading(1, 1, now()));
        assertThat(records.statusCode()).isEqualTo(503);
        assertThat(records.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(records).get("error").asText()).contains("not sent to Kafka");
        assertThat(sinks.kafka).isEmpty();

        sinks.failRecords = false;
        sinks.failKafka = true;
        HttpResponse<String> kafka = post("/readings", reading(1, 1, now()));
        assertThat(kafka.statusCode()).isEqualTo(503);
        assertThat(json(kafka).get("error").asText()).contains("stored in lambda_plus.records");
        JsonNode failures = json(get("/api/stats")).get("writeFailures");
        assertThat(failures.get("records").asLong()).isEqualTo(1);
        assertThat(failures.get("kafka").asLong()).isEqualTo(1);
        assertThat(json(get("/health")).get("status").asText()).isEqualTo("degraded");
    }

    @Test
    void healthAndDashboardData() throws Exception {
        start(false);
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).get("status").asText()).isEqualTo("ok");

        JsonNode series = json(get("/api/bucket-rollups?minutes=5"));
        assertThat(series.get("seconds").get(0).get("avg").asDouble()).isEqualTo(2.0);
        assertThat(series.get("writtenBy").get("speed").asLong()).isEqualTo(2);
        assertThat(get("/api/bucket-rollups?minutes=0").statusCode()).isEqualTo(400);
        assertThat(get("/api/bucket-rollups?minutes=abc").statusCode()).isEqualTo(400);
        assertThat(get("/api/bucket-rollups?minutes=31").statusCode()).isEqualTo(400);

        JsonNode sensors = json(get("/api/sensor-rollups"));
        assertThat(sensors.get(0).get("sensor_id").asInt()).isEqualTo(3);
        assertThat(sensors.get(0).get("last_reading").asDouble()).isEqualTo(20.5);
        assertThat(sensors.get(0).has("written_at")).isTrue();
        assertThat(json(get("/api/freshness")).get("batch").get(0).get("job").asText()).isEqualTo("rollups");
    }

    @Test
    void servesTheDashboardAndEcharts() throws Exception {
        start(false);
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"chart\"", "id=\"sensor-table\"", "id=\"speed-freshness\"",
                "id=\"batch-freshness\"", "/webjars/echarts/5.3.1/dist/echarts.min.js");
        assertThat(get("/dashboard.js").body()).contains("textContent").doesNotContain("innerHTML");
        assertThat(get("/webjars/echarts/5.3.1/dist/echarts.min.js").statusCode()).isEqualTo(200);
    }

    @Test
    void aStopLetsTheRequestInProgressFinish() throws Exception {
        start(false);
        sinks.delayMillis = 1500;
        CompletableFuture<HttpResponse<String>> slow = CLIENT.sendAsync(HttpRequest.newBuilder(
                URI.create(base + "/readings")).POST(HttpRequest.BodyPublishers.ofString(reading(5, 5, now()))).build(),
                HttpResponse.BodyHandlers.ofString());
        while (stats.snapshot(() -> 0).requests() == 0) {
            Thread.sleep(10);
        }
        app.stop();
        app = null;
        HttpResponse<String> response = slow.get();
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(sinks.kafka).hasSize(1);
    }

    /** Canned dashboard data: two speed buckets in one second, one sensor, one batch run. */
    private static final class CannedDashboard implements DashboardData {
        @Override
        public BucketSeries bucketRollups(int minutes) {
            return RollupSeries.perSecond(List.of(
                    new RollupSeries.BucketRow(1_000_000_100L, new lambdalab.course.lambdaplus.Rollup(1, 1_000_000, 1, 1),
                            "speed"),
                    new RollupSeries.BucketRow(1_000_000_200L, new lambdalab.course.lambdaplus.Rollup(3, 7_000_000, 2, 3),
                            "speed")));
        }

        @Override
        public List<SensorRow> sensorRollups() {
            return List.of(new SensorRow(3, 20.5, 1L, 10, 20.0, 19.0, 21.0, 2L));
        }

        @Override
        public Freshness freshness() {
            return new Freshness(10, new SpeedFreshness(5L, 5L, "speed"), List.of(new BatchRun("rollups", 1L, 9L, 2L, 8L)));
        }
    }
}
