package lambdalab.exercises.serving;

import lambdalab.course.exercises.Exercises;
import lambdalab.exercises.ExerciseTest;
import org.junit.jupiter.api.Test;

class ServedTotalsExerciseTest {

    @Test
    void totalsServedHoursWithSketchUnions() {
        ExerciseTest.check(Exercises.SKETCH_TOTALS, new ServedTotalsExercise());
    }
}
