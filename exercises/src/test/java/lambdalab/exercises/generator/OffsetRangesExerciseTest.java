package lambdalab.exercises.generator;

import lambdalab.course.exercises.Exercises;
import lambdalab.exercises.ExerciseTest;
import org.junit.jupiter.api.Test;

class OffsetRangesExerciseTest {

    @Test
    void readsExactlyTheRecordsWrittenInBetween() {
        ExerciseTest.check(Exercises.OFFSET_RANGES, new OffsetRangesExercise());
    }
}
