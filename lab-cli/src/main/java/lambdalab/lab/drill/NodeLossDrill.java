package lambdalab.lab.drill;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import lambdalab.lab.Lab;
import lambdalab.lab.service.StreamJobService;
import lambdalab.lab.supervisor.ServiceStatus;

/**
 * {@code lab drill node-loss} (cluster profile): under a live generator, a Kafka broker, a Cassandra
 * node, a DataNode and a Spark worker each killed with SIGKILL, as a crash of their machine would,
 * one at a time (the short form: two of different services at once); the supervisor starts each
 * again and it rejoins its cluster. With three copies of everything and writes acknowledged by two
 * (acks=all with min.insync.replicas 2, LOCAL_QUORUM, three HDFS replicas) the loss of one node of
 * a service must cost nothing: no failed send, the speed layer never restarted (its executors on the
 * lost worker are replaced by the master), and afterwards the views equal the truth and the raw
 * dataset holds one row per event.
 */
public final class NodeLossDrill extends LiveDrill {

    /**
     * Node 2 of each: node 1 of Cassandra is the contact point the lab's own clients (this drill's
     * checks among them) are given, so its loss would be the clients' configuration problem, not the
     * cluster's. Any broker, DataNode or worker would do.
     */
    static final List<String> NODES = List.of("kafka-2", "cassandra-2", "datanode-2", "spark-worker-2");

    /**
     * @param pause   live traffic before the first kill, between nodes' return and the next kill,
     *                and after the last return, before the generator stops
     * @param rate    events per second
     * @param atOnce  nodes killed at the same moment, each of another service: every service still
     *                loses one node of three at most
     * @param catchUp how long the speed layer may take to commit every event at the end
     */
    public record Plan(Duration pause, int rate, int atOnce, Duration catchUp) {
        public static final Plan DEFAULT = new Plan(Duration.ofSeconds(30), 1000, 1, Duration.ofMinutes(5));
        // the nodes' returns take most of its time: two at once halve it, and fewer events keep the
        // catch-up and the checks short
        public static final Plan SHORT = new Plan(Duration.ofSeconds(5), 100, 2, Duration.ofMinutes(4));
    }

    /** The generator is stopped after the last node's return; this only bounds it. */
    private static final Duration LONGEST_RUN = Duration.ofHours(1);

    private final Plan plan;

    public NodeLossDrill(Lab lab, Plan plan, PrintStream out, Function<String[], Integer> labCommand) {
        super("node-loss", lab, out, labCommand);
        this.plan = plan;
    }

    @Override
    protected boolean drill(long startMs, ViewsVersusTruth checks, boolean stoppedAfter)
            throws InterruptedException {
        ServiceStatus jobBefore = lab.status(StreamJobService.NAME);
        DrillGenerator generator = generator(plan.rate(), LONGEST_RUN, startMs);
        generator.start();
        table.step("generator", String.format(Locale.ROOT, "%,d events/s, acks=all", plan.rate()),
                "until " + plan.pause().toSeconds() + " s after the last node is back; event time from "
                        + Instant.ofEpochMilli(startMs));
        boolean rejoined = true;
        for (int first = 0; first < NODES.size() && rejoined; first += plan.atOnce()) {
            Thread.sleep(plan.pause().toMillis());
            rejoined = lab.killNodes(NODES.subList(first, Math.min(first + plan.atOnce(), NODES.size())));
        }
        Thread.sleep(plan.pause().toMillis());
        generator.finish();
        if (!rejoined || !generatorStopped(generator)) {
            return false;
        }
        boolean kept = jobKeptRunning(jobBefore);
        if (!lab.awaitCaughtUp(plan.catchUp())) {
            return false;
        }
        boolean views = checks.streamViews("stream views vs truth", generator.truth().activity());
        return checks.rawRows(generator.truth().activity(), generator.truth().events()) && views && kept;
    }

    /** The speed layer's process is the one that ran before the first kill, never restarted. */
    private boolean jobKeptRunning(ServiceStatus before) {
        ServiceStatus now = lab.status(StreamJobService.NAME);
        boolean kept = now.pid() == before.pid() && now.restarts() == before.restarts();
        table.step("speed layer", kept ? "kept running" : "RESTARTED", "PID " + before.pid()
                + (kept ? " throughout, 0 restarts" : " -> " + now.pid() + ", restarts +" + (now.restarts() - before.restarts())));
        return kept;
    }
}
