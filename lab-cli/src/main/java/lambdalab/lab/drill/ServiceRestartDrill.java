package lambdalab.lab.drill;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import lambdalab.lab.Lab;

/**
 * {@code lab drill service-restart}: Kafka, then Cassandra, then the HDFS NameNode restarted by the
 * supervisor (SIGTERM, as a host's service manager would) at a quarter, half and three quarters of a
 * live run. The speed layer waits for a service that is back soon, or fails fast and is restarted by
 * the supervisor; the generator's producer retries. Afterwards the views must equal the truth and the
 * raw dataset hold one row per event.
 */
public final class ServiceRestartDrill extends LiveDrill {

    /** The services restarted in turn; the DataNode's restart is the soak drill's. */
    static final List<String> SERVICES = List.of("kafka", "cassandra", "namenode");

    public record Plan(Duration duration, int rate, Duration catchUp) {
        public static final Plan DEFAULT = new Plan(Duration.ofMinutes(3), 1000, Duration.ofMinutes(5));
        public static final Plan SHORT = new Plan(Duration.ofSeconds(30), 500, Duration.ofMinutes(4));
    }

    private final Plan plan;

    public ServiceRestartDrill(Lab lab, Plan plan, PrintStream out, Function<String[], Integer> labCommand) {
        super("service-restart", lab, out, labCommand);
        this.plan = plan;
    }

    @Override
    protected boolean drill(long startMs, ViewsVersusTruth checks, boolean stoppedAfter)
            throws InterruptedException {
        DrillGenerator generator = generator(plan.rate(), plan.duration(), startMs);
        Instant began = start(generator, plan.rate(), plan.duration(), startMs);
        boolean restarted = true;
        for (int i = 0; i < SERVICES.size() && restarted; i++) {
            // a slow restart pushes the next one later; each still happens, before the catch-up
            sleepUntil(began.plus(plan.duration().multipliedBy(i + 1).dividedBy(SERVICES.size() + 1)));
            restarted = lab.restartService(SERVICES.get(i));
        }
        if (!restarted) {
            generator.finish();
            return false;
        }
        generator.join();
        if ( !generatorStopped(generator) || !lab.awaitCaughtUp(plan.catchUp())) {
            return false;
        }
        boolean views = checks.streamViews("stream views vs truth", generator.truth().activity());
        return checks.rawRows(generator.truth().activity(), generator.truth().events()) && views;
    }
}
