package lambdalab.exercises.visitors;

import lambdalab.course.exercises.Exercises;
import lambdalab.exercises.ExerciseTest;
import org.junit.jupiter.api.Test;

class VisitorSketchingExerciseTest {

    @Test
    void sketchesEachHoursVisitors() {
        ExerciseTest.check(Exercises.VISITOR_SKETCHES, new VisitorSketchingExercise());
    }
}
