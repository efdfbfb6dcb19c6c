package lambdalab.course.clickstream;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Holds a loop to a number of events per real second, so a live demo produces a steady stream
 * instead of a burst (the Lambda+ sensors use it too). (The original course computed a pause between files but never took it.)
 *
 * <p>Event {@code i} is due {@code i / rate} seconds after the first call. The pacer sleeps only
 * once it is at least a millisecond ahead, since shorter sleeps are not honoured by OS timers;
 * fast rates therefore go out in small bursts that average to the rate. Falling behind is never
 * "made up" beyond running unpaced until back on schedule.
 */
public final class Pacer {

    /** Sleeps at least this long or not at all. */
    static final long MIN_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    /** How the pacer waits; a seam so tests need no real time. */
    @FunctionalInterface
    interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final int rate;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long startNanos;
    private boolean started;

    /** A pacer on the real clock. */
    public Pacer(int rate) {
        this(rate, System::nanoTime, nanos -> TimeUnit.NANOSECONDS.sleep(nanos));
    }

    Pacer(int rate, LongSupplier nanoTime, Sleeper sleeper) {
        if (rate < 1) {
            throw new IllegalArgumentException("rate must be at least 1 event per second, got " + rate);
        }
        this.rate = rate;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /**
     * Waits until event {@code eventIndex} is due.
     *
     * @return false if the thread was interrupted while waiting (the interrupt flag is kept set),
     *     so that the caller can stop its loop cleanly
     */
    public boolean awaitTurn(long eventIndex) {
        long now = nanoTime.getAsLong();
        if (!started) {
            startNanos = now;
            started = true;
        }
        long ahead = dueNanos(eventIndex) - (now - startNanos);
        if (ahead < MIN_SLEEP_NANOS) {
            return true;
        }
        try {
            sleeper.sleepNanos(ahead);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Nanoseconds after the start at which the event is due; split like {@link SimulatedClock} to avoid overflow. */
    long dueNanos(long eventIndex) {
        long nanosPerSecond = TimeUnit.SECONDS.toNanos(1);
        return eventIndex / rate * nanosPerSecond + eventIndex % rate * nanosPerSecond / rate;
    }
}
