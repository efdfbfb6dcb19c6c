package lambdalab.exercises.operations;

import lambdalab.course.exercises.Exercises;
import lambdalab.exercises.ExerciseTest;
import org.junit.jupiter.api.Test;

class RestartChoiceExerciseTest {

    @Test
    void restartsFromWhatGivesExactViews() {
        ExerciseTest.check(Exercises.RESTART_SOURCE, new RestartChoiceExercise());
    }
}
