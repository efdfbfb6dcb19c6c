package lambdalab.lab.service;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import lambdalab.course.views.LambdaSchema;
import lambdalab.lab.settings.LabSettings;

/** Apache Cassandra 5.0, a single node; its yaml and logback config are rendered per instance. */
public final class CassandraService extends ModuleService {

    /** SimpleSnitch puts every node in this data center. */
    public static final String LOCAL_DATACENTER = "datacenter1";

    public CassandraService(LabSettings settings, ServiceModule module) {
        super(settings, module);
    }

    @Override
    public String name() {
        return "cassandra";
    }

    @Override
    public List<Endpoint> endpoints() {
        String host = settings.get("bind.address");
        return List.of(
                new Endpoint("CQL", host, settings.port("cassandra.port")),
                new Endpoint("storage", host, settings.port("cassandra.storage.port")),
                new Endpoint("JMX", "127.0.0.1", settings.port("cassandra.jmx.port")));
    }

    @Override
    public void prepare() {
        createDirectories(dataDir(), settings.tmpDir(), settings.logsDir());
        module.renderTemplate("cassandra.yaml", confDir().resolve("cassandra.yaml"), templateValues());
        module.renderTemplate("logback.xml", confDir().resolve("logback.xml"), templateValues());
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
                .build();
        Endpoint cql = mainEndpoint();
        return CqlSession.builder()
                .addContactPoint(new InetSocketAddress(settings.get("advertised.host"), cql.port()))
                .withLocalDatacenter(LOCAL_DATACENTER)
                .withConfigLoader(config)
                .build();
    }

    /** Ready when CQL answers {@code SELECT release_version FROM system.local}. */
    @Override
    public Health checkReady() {
        if (!PortProbe.accepts(mainEndpoint())) {
            return Health.notReady("CQL port " + mainEndpoint().address() + " not open yet");
        }
        try (CqlSession session = openSession(Duration.ofSeconds(3))) {
            Row row = session.execute("SELECT release_version FROM system.local").one();
            return row == null ? Health.notReady("system.local is empty")
                    : Health.ready("Cassandra " + row.getString("release_version") + " answers CQL");
        } catch (RuntimeException e) {
            return Health.notReady("CQL query failed: " + Failures.rootMessage(e));
        }
    }
}
