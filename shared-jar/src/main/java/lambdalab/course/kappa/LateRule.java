package lambdalab.course.kappa;

import lambdalab.course.clickstream.ClickEvent;

/**
 * When an hour of the Kappa view is final. The job's watermark is Spark's: the newest event time
 * seen in earlier micro-batches minus the stated lateness. An hour is closed once the watermark has
 * passed its end (the rule Spark applies to a window's end); its row is then final, its state may
 * go, and an event that still arrives for it is late: counted as such, never added and never lost
 * silently.
 */
public final class LateRule {

    private LateRule() {
    }

    /** Whether the hour starting at {@code timestampHour} is closed under {@code watermarkMs}. */
    public static boolean closed(long timestampHour, long watermarkMs) {
        return timestampHour + ClickEvent.HOUR_MS <= watermarkMs;
    }
}
