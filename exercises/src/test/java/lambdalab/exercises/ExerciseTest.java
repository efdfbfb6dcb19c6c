package lambdalab.exercises;

import lambdalab.course.LabEndpoints;
import lambdalab.course.exercises.Exercise;
import lambdalab.course.exercises.ExerciseChecks;
import lambdalab.course.spark.LabSpark;
import org.apache.spark.sql.SparkSession;

/**
 * What every exercise test does: start a local SparkSession with the lab's settings (no services
 * needed), run the exercise's check on your class exactly as the note does, print the outcome. A
 * wrong answer fails the test with the check's diagnosis.
 */
public final class ExerciseTest {

    private static SparkSession spark;

    private ExerciseTest() {
    }

    public static <T> void check(Exercise<T> exercise, T yours) {
        localSpark();
        System.out.println(exercise.id() + ": " + ExerciseChecks.run(exercise, yours, "ide"));
    }

    private static synchronized void localSpark() {
        if (spark == null) {
            spark = LabSpark.builder("exercises", "local[2]", LabEndpoints.localDefaults()).getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(spark::stop));
        }
    }
}
