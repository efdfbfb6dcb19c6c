package lambdalab.lab.drill;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import lambdalab.lab.Lab;
import lambdalab.lab.service.StreamJobService;
import lambdalab.lab.supervisor.ServiceStatus;

/**
 * {@code lab drill stream-kill}: SIGKILL to the speed layer at seeded random moments of a live run;
 * the supervisor restarts it each time and it recovers from its checkpoint. Afterwards its own views
 * must equal the truth and the raw dataset hold one row per event: no event lost, none counted twice.
 */
public final class StreamKillDrill extends LiveDrill {

    /** How the drill runs; a kill waits until the job is back from the one before. */
    public record Plan(Duration duration, int rate, int kills, long seed, Duration catchUp) {
        public static final Plan DEFAULT = new Plan(Duration.ofMinutes(5), 1000, 10, 16, Duration.ofMinutes(5));
        public static final Plan SHORT = new Plan(Duration.ofSeconds(20), 500, 1, 16, Duration.ofMinutes(3));
    }

    private final Plan plan;

    public StreamKillDrill(Lab lab, Plan plan, PrintStream out, Function<String[], Integer> labCommand) {
        super("stream-kill", lab, out, labCommand);
        this.plan = plan;
    }

    @Override
    protected boolean drill(long startMs, ViewsVersusTruth checks, boolean stoppedAfter)
            throws InterruptedException {
        DrillGenerator generator = generator(plan.rate(), plan.duration(), startMs);
        Instant began = start(generator, plan.rate(), plan.duration(), startMs);
        int kill = 0;
        for (Duration moment : FaultSchedule.of(plan.kills(), plan.duration(), plan.seed()).moments()) {
            sleepUntil(began.plus(moment));
            if (!killAndAwait(++kill, began)) {
                generator.finish();
                return false;
            }
        }
        generator.join();
        if (!generatorStopped(generator) || !lab.awaitCaughtUp(plan.catchUp())) {
            return false;
        }
        boolean views = checks.streamViews("stream views vs truth", generator.truth().activity());
        return checks.rawRows(generator.truth().activity(), generator.truth().events()) && views;
    }

    /** One kill: SIGKILL, then wait until the supervisor has the job running again. */
    private boolean killAndAwait(int kill, Instant began) throws InterruptedException {
        ServiceStatus before = lab.status(StreamJobService.NAME);
        Instant at = Instant.now();
        if (!lab.killStream()) {
            table.step("kill -9 #" + kill, "NO JOB", "the speed layer was not running: " + before.detail());
            return false;
        }
        Optional<Duration> back = lab.awaitStreamBack(before.restarts(), at);
        String when = String.format(Locale.ROOT, "PID %d at +%.1f s", before.pid(),
                Duration.between(began, at).toMillis() / 1000.0);
        if (back.isEmpty()) {
            table.step("kill -9 #" + kill, "NOT BACK after 5 min", when + "; see ./lab logs stream");
            return false;
        }
        table.step("kill -9 #" + kill, "back after " + String.format(Locale.ROOT, "%.1f s", back.get().toMillis() / 1000.0),
                when + "; PID " + lab.status(StreamJobService.NAME).pid() + ", state from " + lab.recoveredFrom());
        return true;
    }
}
