package lambdalab.course.exercises.kappa;

import lambdalab.course.clickstream.ClickEvent;

/**
 * The reference solution of {@link HourClosing}, the one the Kappa job runs: closed once the watermark
 * has reached the hour's END (the rule Spark applies to a window). The hour holds the times before
 * its end; when the watermark is there, every one of them is older than the watermark.
 */
public final class HourClosingSolution implements HourClosing {

    @Override
    public boolean closed(long timestampHour, long watermarkMs) {
        return timestampHour + ClickEvent.HOUR_MS <= watermarkMs;
    }
}
