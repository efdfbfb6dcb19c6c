package lambdalab.course.lambdaplus;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Posts readings to the Lambda+ app server ({@code POST /readings}, a JSON array). */
public final class ReadingsClient {

    /** The app server's drill: store in records, keep from Kafka (a reading lost on its way to the speed layer). */
    public static final String SKIP_KAFKA = "skip-kafka";

    private final URI readings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param server the app server's address, e.g. {@code http://127.0.0.1:7070} */
    public ReadingsClient(URI server) {
        this.readings = server.resolve("/readings");
    }

    /** The server's answer: its status and body (a JSON message). */
    public record Answer(int status, String body) {
        public boolean accepted() {
            return status == 202;
        }

        /** 503: the server could not store them now; the same request may be sent again. */
        public boolean retryable() {
            return status == 503;
        }
    }

    public Answer post(List<SensorReading> batch, boolean skipKafka) throws IOException, InterruptedException {
        URI target = skipKafka ? URI.create(readings + "?drill=" + SKIP_KAFKA) : readings;
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(toJson(batch)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /** The JSON array the app server takes: {@code [{"sensor_id":1,"reading":2.5,"ts":1764710000123}, ...]}. */
    public static String toJson(List<SensorReading> batch) {
        StringBuilder json = new StringBuilder(batch.size() * 56).append('[');
        for (int i = 0; i < batch.size(); i++) {
            SensorReading reading = batch.get(i);
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"sensor_id\":").append(reading.sensorId())
                    .append(",\"reading\":").append(reading.value())
                    .append(",\"ts\":").append(reading.ts()).append('}');
        }
        return json.append(']').toString();
    }
}
