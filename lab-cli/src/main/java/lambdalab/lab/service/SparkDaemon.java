package lambdalab.lab.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lambdalab.lab.settings.LabSettings;

/**
 * What the Spark master and workers share: one module (services/spark), the lab's Spark home, loopback
 * addresses for every socket (Spark's RPC by {@code --host}, its web UIs by {@code SPARK_LOCAL_IP}),
 * and the master's JSON state for readiness.
 */
public abstract class SparkDaemon extends ModuleService {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    protected static final String WEB_UI = "web UI";

    protected SparkDaemon(LabSettings settings, ServiceModule module, int node) {
        super(settings, module, node);
    }

    /** The master's URL, the one every worker and job is given. */
    public static String masterUrl(LabSettings settings) {
        return "spark://" + settings.get("advertised.host") + ":" + settings.port("spark.master.port");
    }

    /** Its RPC endpoint ({@code purpose}) and its web UI, both on the bind address. */
    protected List<Endpoint> endpoints(String purpose, int port, int uiPort) {
        String host = settings.get("bind.address");
        return List.of(new Endpoint(purpose, host, port), new Endpoint(WEB_UI, host, uiPort));
    }

    /** Spark's own arguments for where a daemon listens, taken from its {@link #endpoints()}. */
    protected List<String> listenArguments() {
        List<Endpoint> endpoints = endpoints();
        return List.of("--host", endpoints.get(0).host(), "--port", Integer.toString(endpoints.get(0).port()),
                "--webui-port", Integer.toString(endpoints.get(1).port()));
    }

    /** The lab's Spark home, which the workers launch executors from. */
    public static SparkHome sparkHome(LabSettings settings) {
        return new SparkHome(settings.home().resolve("spark"));
    }

    /** Configs of its own per daemon ({@code conf/spark-worker-2}): the master and worker 1 are both node 1. */
    @Override
    public Path confDir() {
        return settings.confDir().resolve(name());
    }

    @Override
    public Path dataDir() {
        return settings.dataDir().resolve(name());
    }

    @Override
    protected Map<String, String> templateValues() {
        Map<String, String> values = new HashMap<>(super.templateValues());
        values.put("conf.dir", confDir().toString());
        return values;
    }

    @Override
    public void prepare() {
        createDirectories(dataDir(), settings.tmpDir(), settings.logsDir());
        module.renderTemplate("log4j2.properties", confDir().resolve("log4j2.properties"), templateValues());
        Map<String, String> quiet = new HashMap<>(templateValues());
        quiet.put("spark.log.level", "WARN"); // an executor's log: its warnings and errors
        sparkHome(settings).prepare(classpath(), module.renderedTemplate("log4j2.properties", quiet));
    }

    /**
     * Spark's web UIs bind to {@code SPARK_LOCAL_IP} (else every interface); the workers find the
     * Spark home and the Java to launch executors with here.
     */
    @Override
    public Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(sparkHome(settings).environment());
        environment.put("SPARK_LOCAL_IP", settings.get("bind.address"));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        return environment;
    }

    @Override
    public Optional<String> ui() {
        return endpoints().stream().filter(e -> e.purpose().equals(WEB_UI)).findFirst()
                .map(e -> "http://" + e.address() + "/");
    }

    /** The master's state as its web UI serves it ({@code /json/}): its status, the workers it knows. */
    protected Optional<JsonNode> masterState() {
        URI uri = URI.create("http://" + settings.get("bind.address") + ":" + settings.port("spark.master.ui.port")
                + "/json/");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
