package lambdalab.lab.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lambdalab.course.JobArguments;
import lambdalab.course.LabEndpoints;
import lambdalab.lab.settings.LabSettings;

/**
 * The Lambda+ application server (sensor-app, main class {@code lambdalab.sensorapp.SensorAppServer}):
 * HTTP ingest of sensor readings, written to Kafka and Cassandra, and the dashboard. An on-demand job
 * of the lab ({@code lab plus start}); it runs with sensor-app's own classpath and is ready when its
 * {@code /health} says ok (it serves, and Kafka and Cassandra answer it).
 */
public final class PlusAppService extends LabService {

    public static final String NAME = "plus-app";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final LabEndpoints endpoints;
    private final ServiceModule module;

    public PlusAppService(LabSettings settings, LabEndpoints endpoints, ServiceModule module) {
        super(settings);
        this.endpoints = endpoints;
        this.module = module;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String controlCommand() {
        return "./lab plus";
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(new Endpoint("http", settings.get("bind.address"), settings.port("plus.port")));
    }

    /** The address sensors post to and the dashboard is served at. */
    public URI address() {
        return URI.create("http://" + settings.get("advertised.host") + ":" + settings.port("plus.port"));
    }

    @Override
    public Optional<String> ui() {
        return Optional.of(address() + "/");
    }

    @Override
    public void prepare() {
        createDirectories(settings.tmpDir(), settings.runDir(), settings.logsDir());
    }

    @Override
    protected String mainClass() {
        return "lambdalab.sensorapp.SensorAppServer";
    }

    @Override
    protected List<String> mainArguments() {
        List<String> arguments = new ArrayList<>(List.of(
                "--host", settings.get("bind.address"),
                "--port", Integer.toString(settings.port("plus.port")),
                "--kafka", endpoints.kafkaBootstrapServers(),
                "--cassandra", endpoints.cassandraHost() + ":" + endpoints.cassandraPort()));
        arguments.addAll(JobArguments.replicationArguments(endpoints.replication()));
        if (Boolean.parseBoolean(settings.get("plus.drills"))) {
            arguments.add("--allow-drills");
        }
        return arguments;
    }

    /** A small server: a modest heap, and no optimizing-compiler warm-up worth waiting for at start. */
    @Override
    protected List<String> jvmOptions() {
        String heap = settings.get("plus.heap");
        return List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+UseSerialGC");
    }

    /** sensor-app's own classpath (see {@link ServiceModule#application}). */
    @Override
    protected List<String> classpath() {
        return module.classpath();
    }

    @Override
    public Health checkReady() {
        HttpRequest request = HttpRequest.newBuilder(address().resolve("/health")).timeout(Duration.ofSeconds(3)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            // "degraded": it serves, but Kafka or Cassandra does not answer it (yet)
            return response.statusCode() == 200 && response.body().contains("\"status\":\"ok\"")
                    ? Health.ready("serving " + address())
                    : Health.notReady("/health answered " + response.statusCode() + ": " + response.body());
        } catch (IOException e) {
            return Health.notReady("no answer at " + address() + " yet (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.notReady("interrupted");
        }
    }
}
