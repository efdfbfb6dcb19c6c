package lambdalab.lab.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import lambdalab.lab.settings.LabSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/** Apache Kafka in KRaft mode: one JVM that is broker and controller, storage formatted once. */
public final class KafkaService extends ModuleService {

    public KafkaService(LabSettings settings, ServiceModule module) {
        super(settings, module);
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public List<Endpoint> endpoints() {
        String host = settings.get("bind.address");
        return List.of(
                new Endpoint("broker", host, settings.port("kafka.port")),
                new Endpoint("controller", host, settings.port("kafka.controller.port")));
    }

    public String bootstrapServers() {
        return settings.get("advertised.host") + ":" + settings.port("kafka.port");
    }

    @Override
    public void prepare() {
        createDirectories(dataDir(), settings.tmpDir());
        module.renderTemplate("server.properties", confDir().resolve("server.properties"), templateValues());
        module.renderTemplate("log4j2.properties", confDir().resolve("log4j2.properties"), templateValues());
        Map<String, String> quiet = new HashMap<>(templateValues());
        quiet.put("kafka.log.level", "WARN"); // tools log every config at INFO
        module.renderTemplate("log4j2.properties", toolsLogConfig(), quiet);
        if (!Files.exists(dataDir().resolve("meta.properties"))) {
            formatStorage();
        }
    }

    /** KRaft storage must be formatted once with a cluster id before the first start. */
    private void formatStorage() {
        runTool("storage format", "kafka.tools.StorageTool",
                List.of("format", "-t", Uuid.randomUuid().toString(),
                        "-c", confDir().resolve("server.properties").toString()),
                List.of(toolsLogging()));
    }

    private Path toolsLogConfig() {
        return confDir().resolve("tools-log4j2.properties");
    }

    /** The JVM option that makes a Kafka tool log warnings only. */
    public String toolsLogging() {
        return "-Dlog4j2.configurationFile=" + toolsLogConfig();
    }

    @Override
    protected String mainClass() {
        return "kafka.Kafka";
    }

    @Override
    protected List<String> mainArguments() {
        return List.of(confDir().resolve("server.properties").toString());
    }

    /** Ready when the broker answers a metadata request with at least one live node. */
    @Override
    public Health checkReady() {
        if (!PortProbe.accepts(mainEndpoint())) {
            return Health.notReady("port " + mainEndpoint().address() + " not open yet");
        }
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            int nodes = admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size();
            return nodes > 0 ? Health.ready(nodes + " broker(s) answer metadata")
                    : Health.notReady("metadata lists no broker yet");
        } catch (Exception e) {
            return Health.notReady("metadata request failed: " + Failures.rootMessage(e));
        }
    }
}
