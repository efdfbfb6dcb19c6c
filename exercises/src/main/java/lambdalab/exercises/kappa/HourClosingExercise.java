package lambdalab.exercises.kappa;

import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.kappa.HourClosing;

/**
 * Exercise 10.watermark (note 10, "Kappa"): when an hour closes under the watermark. Run
 * HourClosingExerciseTest to check it; the hints are in the note, the solution in the shared jar
 * (HourClosingSolution).
 */
public class HourClosingExercise implements HourClosing {

    @Override
    public boolean closed(long timestampHour, long watermarkMs) {
        throw new MissingSolutionException();
    }
}
