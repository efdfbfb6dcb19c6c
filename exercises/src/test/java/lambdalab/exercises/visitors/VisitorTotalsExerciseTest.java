package lambdalab.exercises.visitors;

import lambdalab.course.exercises.Exercises;
import lambdalab.exercises.ExerciseTest;
import org.junit.jupiter.api.Test;

class VisitorTotalsExerciseTest {

    @Test
    void totalsVisitorsOverSeveralHours() {
        ExerciseTest.check(Exercises.VISITORS_OVER_HOURS, new VisitorTotalsExercise());
    }
}
