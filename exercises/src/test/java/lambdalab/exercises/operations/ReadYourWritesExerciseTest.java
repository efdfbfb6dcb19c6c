package lambdalab.exercises.operations;

import lambdalab.course.exercises.Exercises;
import lambdalab.exercises.ExerciseTest;
import org.junit.jupiter.api.Test;

class ReadYourWritesExerciseTest {

    @Test
    void aReadSeesTheWriteWhenTheirReplicasMustOverlap() {
        ExerciseTest.check(Exercises.READ_YOUR_WRITES, new ReadYourWritesExercise());
    }
}
