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

/**
 * Apache Kafka in KRaft mode: one JVM that is broker and controller, storage formatted once. In the
 * cluster profile, node n of three ({@code kafka}, {@code kafka-2}, {@code kafka-3}), each a voter
 * of the controller quorum, all formatted with one cluster id.
 */
public final class KafkaService extends ModuleService {

    /** Node n of a cluster formats its storage with this cluster's id, kept here by the first node that needs it. */
    private static final Object CLUSTER_ID_LOCK = new Object();

    public KafkaService(LabSettings settings, ServiceModule module, int node) {
        super(settings, module, node);
    }

    @Override
    public String name() {
        return nodeName("kafka");
    }

    @Override
    public List<Endpoint> endpoints() {
        String host = settings.get("bind.address");
        return List.of(
                new Endpoint("broker", host, layout.port("kafka.port", node)),
                new Endpoint("controller", host, layout.port("kafka.controller.port", node)));
    }

    /** This broker's own address (the whole cluster's list is {@link LabServices#kafkaBootstrapServers()}). */
    public String bootstrapServers() {
        return settings.get("advertised.host") + ":" + layout.port("kafka.port", node);
    }

    @Override
    protected Map<String, String> nodeValues() {
        int nodes = settings.profile().kafkaNodes();
        return Map.of(
                "kafka.port", Integer.toString(layout.port("kafka.port", node)),
                "kafka.controller.port", Integer.toString(layout.port("kafka.controller.port", node)),
                "kafka.node.id", Integer.toString(node),
                "kafka.quorum.voters", layout.kafkaQuorumVoters(nodes),
                "kafka.replication.factor", Integer.toString(settings.profile().replication()),
                "kafka.min.insync.replicas", Integer.toString(settings.profile().minInsyncReplicas()));
    }

    @Override
    public void prepare() {
        createDirectories(dataDir(), settings.tmpDir());
        module.renderTemplate("server.properties", confDir().resolve("server.properties"), templateValues());
        module.renderTemplate("log4j2.properties", confDir().resolve("log4j2.properties"), templateValues());
        Map<String, String> quiet = new HashMap<>(templateValues());
        quiet.put("kafka.log.level", "WARN"); // tools log every config at INFO
        module.renderTemplate("log4j2.properties", toolsLogConfig(), quiet);
    }

    /** A new id for a single node; for the nodes of a cluster, the one id they must all share. */
    private String clusterId() {
        if (settings.profile().kafkaNodes() == 1) {
            return Uuid.randomUuid().toString();
        }
        Path file = settings.dataDir().resolve("kafka-cluster.id");
        synchronized (CLUSTER_ID_LOCK) {
            try {
                if (!Files.exists(file)) {
                    Files.writeString(file, Uuid.randomUuid().toString());
                }
                return Files.readString(file).trim();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Cannot keep the Kafka cluster id in " + file, e);
            }
        }
    }

    private Path toolsLogConfig() {
        return confDir().resolve("tools-log4j2.properties");
    }

    /** The JVM option that makes a Kafka tool log warnings only. */
    public String toolsLogging() {
        return "-Dlog4j2.configurationFile=" + toolsLogConfig();
    }

    /** Kafka's own main, after a format of the KRaft storage in the same JVM when it has none yet (KafkaMain). */
    @Override
    protected String mainClass() {
        return "lambdalab.services.kafka.KafkaMain";
    }

    /** KRaft storage must be formatted once with a cluster id before the first start. */
    @Override
    protected List<String> mainArguments() {
        String config = confDir().resolve("server.properties").toString();
        return Files.exists(dataDir().resolve("meta.properties")) ? List.of(config)
                : List.of("--format-with-cluster-id", clusterId(), config);
    }

    /** Ready when this broker answers a metadata request that lists it among the live brokers. */
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
            var nodes = admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
            return nodes.stream().anyMatch(n -> n.id() == node) ? Health.ready(nodes.size() + " broker(s) answer metadata")
                    : Health.notReady("metadata does not list broker " + node + " yet");
        } catch (Exception e) {
            return Health.notReady("metadata request failed: " + Failures.rootMessage(e));
        }
    }
}
