package lambdalab.lab.service;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.time.Duration;
import java.util.List;
import lambdalab.course.views.LambdaSchema;
import lambdalab.lab.settings.LabSettings;

/**
 * Apache Cassandra 5.0, a single node, or node n of three on 127.0.0.n in the cluster profile
 * ({@code cassandra}, {@code cassandra-2}, {@code cassandra-3}); its yaml and logback config are
 * rendered per node.
 */
public final class CassandraService extends ModuleService {

    /** SimpleSnitch puts every node in this data center. */
    public static final String LOCAL_DATACENTER = "datacenter1";
    /** Virtual nodes per Cassandra node (cassandra.yaml's num_tokens). */
    static final int VNODES = 16;

    public CassandraService(LabSettings settings, ServiceModule module, int node) {
        super(settings, module, node);
    }

    @Override
    public String name() {
        return nodeName("cassandra");
    }

    @Override
    public List<Endpoint> endpoints() {
        String host = layout.cassandraAddress(node);
        return List.of(
                new Endpoint("CQL", host, settings.port("cassandra.port")),
                new Endpoint("storage", host, settings.port("cassandra.storage.port")),
                new Endpoint("JMX", "127.0.0.1", layout.port("cassandra.jmx.port", node)));
    }

    @Override
    protected Map<String, String> nodeValues() {
        int nodes = settings.profile().cassandraNodes();
        return Map.of(
                "cassandra.superuser.setup.delay.ms", nodes == 1 ? "0" : "2000",
                "cassandra.address", layout.cassandraAddress(node),
                "cassandra.seeds", layout.cassandraSeeds(settings.profile().cassandraNodes()),
                "cassandra.jmx.port", Integer.toString(layout.port("cassandra.jmx.port", node)),
                "cassandra.tokens", NodeLayout.cassandraTokens(node, settings.profile().cassandraNodes(), VNODES));
    }

    @Override
    public void prepare() {
        createDirectories(dataDir(), settings.tmpDir(), settings.logsDir());
        Path yaml = confDir().resolve("cassandra.yaml");
        module.renderTemplate("cassandra.yaml", yaml, templateValues());
        if (settings.profile().cassandraNodes() > 1) {
            appendClusterSettings(yaml);
        }
        module.renderTemplate("logback.xml", confDir().resolve("logback.xml"), templateValues());
    }

    /** A node of a cluster adds its fixed tokens (see cluster-node.yaml); a single node's yaml stays as it was. */
    private void appendClusterSettings(Path yaml) {
        try {
            Files.writeString(yaml, module.renderedTemplate("cluster-node.yaml", templateValues()), StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + yaml, e);
        }
    }

    @Override
    protected String mainClass() {
        return "org.apache.cassandra.service.CassandraDaemon";
    }

    /** A session to this node, for readiness checks and tests; schema statements need longer timeouts. */
    public CqlSession openSession(Duration requestTimeout) {
        DriverConfigLoader config = LambdaSchema.sessionConfig()
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(3))
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, Duration.ofSeconds(3))
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, requestTimeout)
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, requestTimeout)
                // in a cluster a schema change reaches the other nodes a moment later: a statement sent
                // before they agree may meet a node without the new table (the default wait is 10 s)
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, requestTimeout)
                .build();
        Endpoint cql = mainEndpoint();
        return CqlSession.builder()
                .addContactPoint(new InetSocketAddress(layout.cassandraClientHost(node), cql.port()))
                .withLocalDatacenter(LOCAL_DATACENTER)
                .withConfigLoader(config)
                .build();
    }

    @Override
    public void warmUpReadinessCheck() {
        // the supervisor's first session loads the driver, 2-3 s of a fresh lab's start here, after the
        // last service (Cassandra) has opened its port: a session tried while it boots loads the same
        // classes and fails at the closed port
        try (CqlSession early = openSession(Duration.ofSeconds(1))) {
            early.getMetadata(); // Cassandra answered already (a quick restart): the classes are loaded all the same
        } catch (RuntimeException expected) {
            // the port is not open yet
        }
    }

    /**
     * Ready when CQL answers {@code SELECT release_version FROM system.local}, asked of this node
     * itself (in a cluster the driver would otherwise let any node answer).
     */
    @Override
    public Health checkReady() {
        if (!PortProbe.accepts(mainEndpoint())) {
            return Health.notReady("CQL port " + mainEndpoint().address() + " not open yet");
        }
        try (CqlSession session = openSession(Duration.ofSeconds(3))) {
            Optional<Node> self = session.getMetadata().getNodes().values().stream()
                    .filter(n -> n.getEndPoint().resolve() instanceof InetSocketAddress address
                            && address.getAddress().getHostAddress().equals(layout.cassandraAddress(node)))
                    .findFirst();
            SimpleStatement query = SimpleStatement.newInstance("SELECT release_version FROM system.local");
            Row row = session.execute(self.map(query::setNode).orElse(query)).one();
            return row == null ? Health.notReady("system.local is empty")
                    : Health.ready("Cassandra " + row.getString("release_version") + " answers CQL");
        } catch (RuntimeException e) {
            return Health.notReady("CQL query failed: " + Failures.rootMessage(e));
        }
    }
}
