package lambdalab.sensorapp;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.internal.core.session.throttling.ConcurrencyLimitingRequestThrottler;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import lambdalab.course.LabEndpoints;
import lambdalab.course.kafka.KafkaTopics;
import lambdalab.course.lambdaplus.PlusSchema;
import lambdalab.course.views.LambdaSchema;

/**
 * The Lambda+ application server ({@code lab plus start}): sensors POST readings, it stores each in
 * Cassandra and sends it to Kafka ({@link DoubleWriter}), and it serves the dashboard.
 *
 * <pre>
 * java -cp ... lambdalab.sensorapp.SensorAppServer --port N --kafka HOST:PORT --cassandra HOST:PORT
 *     [--host 127.0.0.1] [--allow-drills] [--max-future-seconds 60] [--status-file PATH]
 * </pre>
 *
 * On start it creates the schema and the topic if missing, then prints one line, "Lambda+ app server
 * listening on http://HOST:PORT", once it serves. On SIGTERM it stops accepting, lets the requests in
 * progress finish (up to 10 s), flushes the Kafka producer and closes the session. Bad arguments: the
 * usage line on stderr and exit code 2; a store it cannot reach at start: the reason and exit code 1.
 */
public final class SensorAppServer {

    /** Readings the Cassandra driver sends at once; more wait in its queue (see {@link #openSession}). */
    static final int MAX_CONCURRENT_CQL = 256;

    private final ServerOptions options;
    private final CqlSession session;
    private final KafkaSpeedSink kafka;
    private final DoubleWriter writer;
    private final AppStats stats;
    private final Javalin app;
    private final StatusFile statusFile;

    private SensorAppServer(ServerOptions options, CqlSession session, KafkaSpeedSink kafka, Clock clock) {
        this.options = options;
        this.session = session;
        this.kafka = kafka;
        this.stats = new AppStats();
        this.writer = new DoubleWriter(new CassandraRecordsSink(session, DoubleWriter.DEFAULT_TIMEOUT), kafka,
                DoubleWriter.DEFAULT_TIMEOUT, DoubleWriter.DEFAULT_MAX_IN_FLIGHT, stats);
        this.app = SensorApp.create(options, writer, new DashboardQueries(session, clock), stats, clock);
        this.statusFile = options.statusFile() == null ? null : new StatusFile(options.statusFile(), Instant.now());
    }

    public static void main(String[] args) {
        ServerOptions options;
        try {
            options = ServerOptions.parse(args);
        } catch (ServerOptions.BadArguments e) {
            System.err.println(e.getMessage());
            System.err.println(ServerOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            start(options);
        } catch (RuntimeException | IOException | LinkageError e) { // a broken classpath too: exit, do not hang
            System.err.println("Lambda+ app server could not start (Cassandra " + options.cassandraHost() + ":"
                    + options.cassandraPort() + ", Kafka " + options.kafka() + "): " + e.getMessage());
            System.err.println("Check that both are running (`lab status`) and that the port is free.");
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** Connects to the stores, creates what is missing, starts serving; stops on JVM shutdown. */
    public static SensorAppServer start(ServerOptions options) throws IOException {
        CqlSession session = openSession(options);
        KafkaSpeedSink kafka = null;
        try {
            PlusSchema.create(session, options.replication());
            KafkaTopics.ensureTopic(options.kafka(), PlusSchema.TOPIC, PlusSchema.TOPIC_PARTITIONS);
            kafka = KafkaSpeedSink.connect(options.kafka());
            SensorAppServer server = new SensorAppServer(options, session, kafka, Clock.systemUTC());
            server.app.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "sensor-app-shutdown"));
            if (server.statusFile != null) {
                server.statusFile.write(StatusFile.RUNNING, server.app.port());
            }
            System.out.println("Lambda+ app server listening on http://" + options.host() + ":" + server.app.port());
            return server;
        } catch (RuntimeException | IOException e) {
            if (kafka != null) {
                kafka.close(Duration.ofSeconds(2));
            }
            session.close();
            throw e;
        }
    }

    public int port() {
        return app.port();
    }

    /**
     * Stops gracefully: no new connections, the requests in progress finish (Jetty waits up to
     * {@link SensorApp#STOP_TIMEOUT}), then the producer sends what it holds and the session closes.
     */
    public void stop() {
        writeStatus(StatusFile.STOPPING);
        int inFlight = writer.inFlight();
        System.out.println("Lambda+ app server stopping: " + inFlight + " readings in flight");
        app.stop();
        boolean idle;
        try {
            idle = writer.awaitIdle(SensorApp.STOP_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            idle = false;
        }
        kafka.close(Duration.ofSeconds(10));
        session.close();
        AppStats.Snapshot totals = stats.snapshot(writer::inFlight);
        System.out.println("Lambda+ app server stopped: drained " + inFlight + " readings in flight"
                + (idle ? "" : " (" + writer.inFlight() + " still unanswered after " + SensorApp.STOP_TIMEOUT.toSeconds()
                + " s)") + "; since start " + totals.requests() + " requests, " + totals.readingsAccepted()
                + " readings accepted, " + totals.requestsRejected() + " requests rejected, write failures "
                + totals.writeFailures());
    }

    private void writeStatus(String state) {
        if (statusFile == null) {
            return;
        }
        try {
            statusFile.write(state, app.port());
        } catch (IOException | RuntimeException e) {
            System.err.println("cannot write the status file " + statusFile.path() + ": " + e.getMessage());
        }
    }

    /**
     * The lab's session settings ({@link LambdaSchema#sessionConfig()}, schema timeouts as
     * {@link LambdaSchema#openSession}), plus a throttler: a 10,000-reading request would otherwise
     * fire 10,000 INSERTs at once, beyond a connection's 1,024 streams, and the driver would fail the
     * rest ("no node available") instead of letting them wait.
     */
    static CqlSession openSession(ServerOptions options) {
        Duration schemaTimeout = Duration.ofSeconds(60);
        DriverConfigLoader config = LambdaSchema.sessionConfig()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, schemaTimeout)
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, schemaTimeout)
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(10))
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, schemaTimeout)
                .withClass(DefaultDriverOption.REQUEST_THROTTLER_CLASS, ConcurrencyLimitingRequestThrottler.class)
                .withInt(DefaultDriverOption.REQUEST_THROTTLER_MAX_CONCURRENT_REQUESTS, MAX_CONCURRENT_CQL)
                .withInt(DefaultDriverOption.REQUEST_THROTTLER_MAX_QUEUE_SIZE, DoubleWriter.DEFAULT_MAX_IN_FLIGHT + 1000)
                .withString(DefaultDriverOption.REQUEST_CONSISTENCY, LabEndpoints.cassandraConsistency(options.replication()))
                .build();
        return CqlSession.builder()
                .addContactPoint(new InetSocketAddress(options.cassandraHost(), options.cassandraPort()))
                .withLocalDatacenter("datacenter1")
                .withConfigLoader(config)
                .build();
    }
}
