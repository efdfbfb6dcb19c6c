package lambdalab.course.exercises.streaming;

import lambdalab.course.speed.ActionCounts;

/** The reference solution of {@link WindowInverse}, the speed layer's: each count minus the leaving batch's. */
public final class WindowInverseSolution implements WindowInverse {

    @Override
    public ActionCounts call(ActionCounts window, ActionCounts leaving) {
        return window.minus(leaving);
    }
}
