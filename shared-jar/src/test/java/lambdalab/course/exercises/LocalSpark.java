package lambdalab.course.exercises;

import lambdalab.course.LabEndpoints;
import lambdalab.course.spark.LabSpark;
import org.apache.spark.sql.SparkSession;

/** One local SparkSession with the lab's settings for the exercise checks' tests (no services needed). */
public final class LocalSpark {

    private static SparkSession session;

    private LocalSpark() {
    }

    public static synchronized SparkSession session() {
        if (session == null) {
            session = LabSpark.builder("exercise checks", "local[2]", LabEndpoints.localDefaults()).getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }
}
