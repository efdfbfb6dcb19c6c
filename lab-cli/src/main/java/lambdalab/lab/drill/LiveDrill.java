package lambdalab.lab.drill;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import lambdalab.lab.Lab;

/**
 * What every drill of a live run shares: the speed layer running (started for the drill if it was
 * not, and stopped after), event time in a day no view holds yet, the generator's outcome, the
 * checks, and the table printed at the end, whatever happened. A drill says what it does in between.
 */
public abstract class LiveDrill {

    protected final DrillTable table;
    protected final DrillLab lab;
    private final String name;
    /** Its own, unless `lab drill all` shares one among its drills. */
    private DrillSpark spark;
    private boolean ownsSpark = true;
    /** Set when the speed layer is stopped right after the drill: what the drill changed need not be undone. */
    private boolean stoppedAfter;

    protected LiveDrill(String name, Lab lab, PrintStream out, Function<String[], Integer> labCommand) {
        this.name = name;
        this.table = new DrillTable(name, out);
        this.lab = new DrillLab(lab, table, labCommand);
        this.spark = new DrillSpark(lab.endpoints());
    }

    /** Uses {@code shared} for its checks and leaves closing it to its owner. */
    void shareSpark(DrillSpark shared) {
        spark = shared;
        ownsSpark = false;
    }

    public String name() {
        return name;
    }

    /** `lab drill all`, which started the speed layer, stops it after the drills (which clears their arguments). */
    void streamStoppedAfter() {
        stoppedAfter = true;
    }

    /** Runs the drill and prints its table; true when everything it checked equals the truth. */
    public final boolean run() throws InterruptedException {
        table.begin();
        Optional<Boolean> started = lab.streamRunning();
        if (started.isEmpty()) {
            table.print();
            return false;
        }
        long logLines = lab.streamLogLines();
        boolean passed = false;
        try {
            passed = drill(lab.firstFreeHour(), new ViewsVersusTruth(lab.endpoints(), lab.topic(), table, spark),
                    started.get() || stoppedAfter);
            return passed;
        } finally {
            if (!passed) {
                table.step("speed layer log", "during the drill", "its starts, failures and replaced raw files:");
                lab.streamDecisions(logLines).forEach(table::detail);
            }
            if (ownsSpark) {
                spark.close();
            }
            if (started.get()) {
                lab.stopStream();
            }
            table.print();
        }
    }

    /**
     * The drill itself.
     *
     * @param startMs      the first event time, in a day no view holds yet
     * @param stoppedAfter whether the speed layer is stopped after the drill (the drill started it, or
     *                     `lab drill all` did): a job restarted with a drill's arguments need not be
     *                     restarted without them, the stop clears them
     */
    protected abstract boolean drill(long startMs, ViewsVersusTruth checks, boolean stoppedAfter)
            throws InterruptedException;

    protected DrillGenerator generator(int rate, Duration duration, long startMs) {
        return new DrillGenerator(lab.endpoints().kafkaBootstrapServers(), lab.topic(), rate, duration, startMs);
    }

    /** Starts the generator and records it as a step; returns when it started, the drill's clock. */
    protected Instant start(DrillGenerator generator, int rate, Duration duration, long startMs) {
        Instant began = Instant.now();
        generator.start();
        table.step("generator", String.format(Locale.ROOT, "%,d events/s for %s", rate, duration.toString().substring(2)
                .toLowerCase(Locale.ROOT)), "event time from " + Instant.ofEpochMilli(startMs));
        return began;
    }

    /** The generator's end as a step: what it sent and the downtime it saw; false when a send failed. */
    protected boolean generatorStopped(DrillGenerator generator) {
        String downtime = String.format(Locale.ROOT, "longest gap in acknowledged sends %.1f s",
                generator.longestAckGapMs() / 1000.0);
        if (generator.failure() != null) {
            table.step("generator", "FAILED SENDS", generator.failure().getMessage() + "; " + downtime);
            return false;
        }
        table.step("generator", "stopped", String.format(Locale.ROOT, "%,d events sent, 0 failed sends, %s",
                generator.truth().events(), downtime));
        return true;
    }

    protected static void sleepUntil(Instant when) throws InterruptedException {
        long ms = Duration.between(Instant.now(), when).toMillis();
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }
}
