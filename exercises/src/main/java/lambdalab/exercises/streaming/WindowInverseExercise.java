package lambdalab.exercises.streaming;

import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.streaming.WindowInverse;
import lambdalab.course.speed.ActionCounts;

/**
 * Exercise 04.window-inverse (note 04, "Spark Streaming"): the inverse function of the speed layer's
 * sliding window, call(window, leaving). Run WindowInverseExerciseTest to check it; the solution is
 * WindowInverseSolution in the shared jar.
 */
public class WindowInverseExercise implements WindowInverse {

    @Override
    public ActionCounts call(ActionCounts window, ActionCounts leaving) {
        throw new MissingSolutionException();
    }
}
