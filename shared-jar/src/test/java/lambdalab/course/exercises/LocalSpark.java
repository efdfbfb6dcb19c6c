package lambdalab.course.exercises;

import lambdalab.course.LabEndpoints;
import lambdalab.course.spark.LabSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A local SparkSession with the lab's settings for a test class of exercise checks (no services
 * needed): {@code @ExtendWith(LocalSpark.class)}. Started before the class's tests and stopped after
 * them: other test classes of this JVM build sessions of their own, and {@code getOrCreate} would
 * hand them this one, settings and all.
 */
public final class LocalSpark implements BeforeAllCallback, AfterAllCallback {

    private SparkSession session;

    @Override
    public void beforeAll(ExtensionContext context) {
        session = LabSpark.builder("exercise checks", "local[2]", LabEndpoints.localDefaults()).getOrCreate();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        session.stop();
    }
}
