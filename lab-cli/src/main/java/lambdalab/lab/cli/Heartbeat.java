package lambdalab.lab.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A line every minute while a long step of a benchmark runs (a read of 172,800 small files takes
 * minutes), so that a silent step is not taken for a hung one. Closing it ends the lines.
 */
final class Heartbeat implements AutoCloseable {

    private static final Duration PERIOD = Duration.ofMinutes(1);

    private final Thread thread;

    private Heartbeat(String step) {
        Instant start = Instant.now();
        thread = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(PERIOD.toMillis());
                    long seconds = Duration.between(start, Instant.now()).toSeconds();
                    System.out.printf(Locale.ROOT, "  ... %s: still running after %dm%02ds%n", step, seconds / 60,
                            seconds % 60);
                }
            } catch (InterruptedException e) {
                // closed: the step is done
            }
        }, "heartbeat");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts the lines for {@code step} (e.g. "reading the uncompacted files"). */
    static Heartbeat of(String step) {
        return new Heartbeat(step);
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
