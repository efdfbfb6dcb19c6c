package lambdalab.exercises.serving;

import lambdalab.course.exercises.Exercises;
import lambdalab.exercises.ExerciseTest;
import org.junit.jupiter.api.Test;

class LayerChoiceExerciseTest {

    @Test
    void choosesTheLayerThatServesAnHour() {
        ExerciseTest.check(Exercises.MERGE_RULE, new LayerChoiceExercise());
    }
}
