package lambdalab.lab.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * The rhythm of a live demo: a batch run every so often and a status line every few seconds, on
 * the demo's main thread, while the traffic runs on its own thread. A batch run blocks this loop
 * (status lines pause), never the traffic; the next run is counted from the end of the last.
 */
final class DemoSchedule {

    private static final long TICK_MS = 200;

    private DemoSchedule() {
    }

    /**
     * Runs until {@code live} says no or {@code end} has passed; {@code batchRun} hears the run's
     * number, from 1.
     */
    static void run(BooleanSupplier live, Instant end, Duration batchEvery, Duration statusEvery,
                    IntConsumer batchRun, Runnable status) throws InterruptedException {
        Instant nextBatch = Instant.now().plus(batchEvery);
        Instant nextStatus = Instant.now().plus(statusEvery);
        int runs = 0;
        while (live.getAsBoolean() && Instant.now().isBefore(end)) {
            if (Instant.now().isAfter(nextBatch)) {
                batchRun.accept(++runs);
                nextBatch = Instant.now().plus(batchEvery);
            }
            if (Instant.now().isAfter(nextStatus)) {
                status.run();
                nextStatus = Instant.now().plus(statusEvery);
            }
            Thread.sleep(TICK_MS);
        }
    }
}
