package lambdalab.lab.drill;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import lambdalab.course.speed.SpeedLayerJob;
import lambdalab.lab.Lab;

/**
 * {@code lab drill upgrade}: a third into a live run the speed layer is stopped and a changed version
 * deployed, one whose checkpoint the old one cannot be (the job records its version beside the
 * checkpoint; the drill starts it with the next one, {@code --job-version}). The new version sets the
 * checkpoint aside and rebuilds its state from the stream views; afterwards the views must equal the
 * truth. The table shows where each start took its state from. At the end the job is rolled back to
 * the version the lab runs (which rebuilds from the views once more), unless it is stopped after the
 * drill anyway (its next start is then the rollback).
 */
public final class UpgradeDrill extends LiveDrill {

    public record Plan(Duration duration, int rate, Duration catchUp) {
        public static final Plan DEFAULT = new Plan(Duration.ofMinutes(2), 1000, Duration.ofMinutes(5));
        public static final Plan SHORT = new Plan(Duration.ofSeconds(15), 500, Duration.ofMinutes(3));
    }

    /** The "changed version": the next one after the version the job records by default. */
    static final String NEXT_VERSION = Integer.toString(Integer.parseInt(SpeedLayerJob.JOB_VERSION) + 1);

    private final Plan plan;

    public UpgradeDrill(Lab lab, Plan plan, PrintStream out, Function<String[], Integer> labCommand) {
        super("upgrade", lab, out, labCommand);
        this.plan = plan;
    }

    @Override
    protected boolean drill(long startMs, ViewsVersusTruth checks, boolean stoppedAfter)
            throws InterruptedException {
        table.step("running version", SpeedLayerJob.JOB_VERSION, "state from " + lab.recoveredFrom());
        DrillGenerator generator = generator(plan.rate(), plan.duration(), startMs);
        Instant began = start(generator, plan.rate(), plan.duration(), startMs);
        sleepUntil(began.plus(plan.duration().dividedBy(3)));
        try {
            if (!upgrade()) {
                generator.finish();
                return false;
            }
            generator.join();
            if (!generatorStopped(generator) || !lab.awaitCaughtUp(plan.catchUp())) {
                return false;
            }
            boolean views = checks.streamViews("stream views vs truth", generator.truth().activity());
            return checks.rawRows(generator.truth().activity(), generator.truth().events()) && views;
        } finally {
            if (stoppedAfter) {
                table.step("roll back", "at the next start", "the job is stopped after the drill; it starts as version "
                        + SpeedLayerJob.JOB_VERSION + " again, with its state from the views");
            } else {
                lab.restartStream("roll back to version " + SpeedLayerJob.JOB_VERSION, List.of());
            }
        }
    }

    /** Stop, deploy the next version; true when it runs with its state rebuilt from the views. */
    private boolean upgrade() {
        long logLines = lab.streamLogLines();
        if (!lab.restartStream("deploy version " + NEXT_VERSION, List.of("--job-version", NEXT_VERSION))) {
            return false;
        }
        lab.lastStreamLogLine("not restarting from the checkpoint", logLines).ifPresent(table::detail);
        boolean fromViews = lab.recoveredFrom().equals("views");
        table.step("state of version " + NEXT_VERSION, fromViews ? "from the views" : "NOT REBUILT",
                "recoveredFrom " + lab.recoveredFrom() + " (the checkpoint of version " + SpeedLayerJob.JOB_VERSION
                        + " set aside)");
        return fromViews;
    }
}
