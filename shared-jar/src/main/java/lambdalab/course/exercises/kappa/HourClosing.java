package lambdalab.course.exercises.kappa;

import java.io.Serializable;

/**
 * Exercise 10.watermark: whether an hour of the Kappa view is closed. The job's watermark is the
 * newest event time it has seen minus the stated lateness; once an hour is closed its row is final
 * and an event that still arrives for it is counted as late instead of added.
 */
@FunctionalInterface
public interface HourClosing extends Serializable {

    /** Whether the hour that starts at {@code timestampHour} is closed under {@code watermarkMs}. */
    boolean closed(long timestampHour, long watermarkMs);
}
