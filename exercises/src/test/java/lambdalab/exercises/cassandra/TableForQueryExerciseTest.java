package lambdalab.exercises.cassandra;

import lambdalab.course.exercises.Exercises;
import lambdalab.exercises.ExerciseTest;
import org.junit.jupiter.api.Test;

class TableForQueryExerciseTest {

    @Test
    void designsATableForTheHoursDashboard() {
        ExerciseTest.check(Exercises.TABLE_FOR_A_QUERY, new TableForQueryExercise());
    }
}
