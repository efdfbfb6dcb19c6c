package lambdalab.course.kappa;

import lambdalab.course.exercises.kappa.HourClosing;
import lambdalab.course.exercises.kappa.HourClosingSolution;

/**
 * When an hour of the Kappa view is final. The job's watermark is Spark's: the newest event time
 * seen in earlier micro-batches minus the stated lateness. An hour is closed once the watermark has
 * reached its end (the rule Spark applies to a window's end); its row is then final, its state may
 * go, and an event that still arrives for it is late: counted as such, never added and never lost
 * silently.
 */
public final class LateRule {

    /** Exercise 10.watermark. */
    private static final HourClosing CLOSING = new HourClosingSolution();

    private LateRule() {
    }

    /** Whether the hour starting at {@code timestampHour} is closed under {@code watermarkMs}. */
    public static boolean closed(long timestampHour, long watermarkMs) {
        return CLOSING.closed(timestampHour, watermarkMs);
    }
}
