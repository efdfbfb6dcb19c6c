package lambdalab.lab.drill;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;
import lambdalab.lab.Lab;

/**
 * The soak drill: the live Lambda pipeline (generator, speed layer, periodic batch runs) on a lab
 * for a while, with a DataNode restart a third of the way in and a Cassandra restart at two thirds;
 * then the generator stops, the speed layer catches up, a last batch run covers the drill's hours, and
 * the serving layer must answer exactly the truth of every event generated (visitors within five
 * standard errors), with one raw row per event. Its events go to hours no view holds yet, so the
 * lab's earlier data never mixes in.
 */
public final class SoakDrill extends LiveDrill {

    /** How the drill runs. */
    public record Plan(Duration duration, int rate, Duration batchEvery, Duration catchUp) {
    }

    private final Plan plan;

    public SoakDrill(Lab lab, Plan plan, PrintStream out, Function<String[], Integer> labCommand) {
        super("soak", lab, out, labCommand);
        this.plan = plan;
    }

    @Override
    protected boolean drill(long startMs, ViewsVersusTruth checks, boolean stoppedAfter)
            throws InterruptedException {
        DrillGenerator generator = generator(plan.rate(), plan.duration(), startMs);
        start(generator, plan.rate(), plan.duration(), startMs);
        live(checks, generator, startMs);
        if (!generatorStopped(generator) || !lab.awaitCaughtUp(plan.catchUp())
                || !checks.batchRun("last batch run", startMs)) {
            return false;
        }
        boolean served = checks.served(generator.truth().activity());
        return checks.rawRows(generator.truth().activity(), generator.truth().events()) && served;
    }

    /** The generator's run: batch runs on their schedule, a DataNode and then a Cassandra restart. */
    private void live(ViewsVersusTruth checks, DrillGenerator generator, long startMs) throws InterruptedException {
        Instant end = Instant.now().plus(plan.duration());
        Instant nextBatch = Instant.now().plus(plan.batchEvery());
        Instant dataNodeRestart = Instant.now().plus(plan.duration().dividedBy(3));
        Instant cassandraRestart = Instant.now().plus(plan.duration().multipliedBy(2).dividedBy(3));
        int batchRuns = 0;
        while (generator.isAlive() && Instant.now().isBefore(end)) {
            if (dataNodeRestart != null && Instant.now().isAfter(dataNodeRestart)) {
                lab.restartService("datanode");
                dataNodeRestart = null;
            } else if (cassandraRestart != null && Instant.now().isAfter(cassandraRestart)) {
                lab.restartService("cassandra");
                cassandraRestart = null;
            } else if (Instant.now().isAfter(nextBatch)) {
                checks.batchRun(String.format(Locale.ROOT, "batch run %d", ++batchRuns), startMs);
                nextBatch = Instant.now().plus(plan.batchEvery());
            }
            Thread.sleep(500);
        }
        generator.finish();
        // a restart that a slow one before it pushed past the end still happens, before the catch-up
        if (dataNodeRestart != null) {
            lab.restartService("datanode");
        }
        if (cassandraRestart != null) {
            lab.restartService("cassandra");
        }
    }
}
