package lambdalab.lab.drill;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code lab drill all}: the single-node drills one after the other, each with its own table, then
 * one summary, with one Spark session for their batch runs. The soak drill is not among them: it runs
 * half an hour, and its DataNode and Cassandra restarts are covered by service-restart's; it is a
 * command of its own.
 */
public final class AllDrills {

    private final List<LiveDrill> drills;
    private final PrintStream out;

    public AllDrills(List<LiveDrill> drills, PrintStream out) {
        this.drills = List.copyOf(drills);
        this.out = out;
    }

    /**
     * Runs every drill, also after one failed (each starts on a day of its own); true when all passed.
     *
     * @param streamStoppedAfter the caller started the speed layer and stops it after: the drills need
     *                           not restart it without their arguments
     */
    public boolean run(boolean streamStoppedAfter) throws InterruptedException {
        if (drills.isEmpty()) {
            return true;
        }
        if (streamStoppedAfter) {
            drills.forEach(LiveDrill::streamStoppedAfter);
        }
        try (DrillSpark spark = new DrillSpark(drills.get(0).lab.endpoints())) {
            drills.forEach(drill -> drill.shareSpark(spark));
            return runAll();
        }
    }

    private boolean runAll() throws InterruptedException {
        List<String[]> summary = new ArrayList<>();
        boolean all = true;
        for (LiveDrill drill : drills) {
            out.println();
            out.println("=== lab drill " + drill.name() + " ===");
            Instant began = Instant.now();
            boolean passed = runOne(drill);
            all &= passed;
            summary.add(new String[] {drill.name(), passed ? "EQUAL" : "FAILED",
                    String.format(Locale.ROOT, "%.0f s", Duration.between(began, Instant.now()).toMillis() / 1000.0)});
        }
        out.println();
        out.printf(Locale.ROOT, "%-18s %-8s %s%n", "DRILL", "RESULT", "TIME");
        summary.forEach(line -> out.printf(Locale.ROOT, "%-18s %-8s %s%n", (Object[]) line));
        return all;
    }

    private boolean runOne(LiveDrill drill) throws InterruptedException {
        try {
            return drill.run();
        } catch (RuntimeException e) {
            out.println("[" + drill.name() + "] ERROR: " + e);
            return false;
        }
    }
}
