package lambdalab.course.exercises;

import lambdalab.course.LabEndpoints;
import lambdalab.course.spark.LabSpark;
import org.apache.spark.sql.SparkSession;

/**
 * One local SparkSession with the lab's settings for the exercise checks' tests (no services
 * needed). A test class that starts it stops it after its tests: other test classes of this JVM
 * build sessions of their own, and {@code getOrCreate} would hand them this one, settings and all.
 */
public final class LocalSpark {

    private static SparkSession session;

    private LocalSpark() {
    }

    public static synchronized SparkSession session() {
        if (session == null) {
            session = LabSpark.builder("exercise checks", "local[2]", LabEndpoints.localDefaults()).getOrCreate();
        }
        return session;
    }

    public static synchronized void stop() {
        if (session != null) {
            session.stop();
            session = null;
        }
    }
}
