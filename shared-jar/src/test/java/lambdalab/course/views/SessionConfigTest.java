package lambdalab.course.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;
import lambdalab.course.LabEndpoints;
import org.junit.jupiter.api.Test;

/** The jobs' sessions may retry a request on another replica; a learner's session may not. */
class SessionConfigTest {

    private static final LabEndpoints LAB = new LabEndpoints("127.0.0.1:9092", "127.0.0.1", 9042,
            "hdfs://127.0.0.1:9000");

    @Test
    void aJobSessionMarksItsRequestsIdempotentSoTheDriverRetriesThemOnTheNextNode() {
        DriverExecutionProfile profile = LambdaSchema.jobSessionConfig(LAB).getInitialConfig().getDefaultProfile();

        assertThat(profile.getBoolean(DefaultDriverOption.REQUEST_DEFAULT_IDEMPOTENCE)).isTrue();
        assertThat(profile.getString(DefaultDriverOption.REQUEST_CONSISTENCY)).isEqualTo(LAB.cassandraConsistency());
    }

    @Test
    void theDriversDefaultStaysForEveryOtherSession() {
        DriverExecutionProfile profile = LambdaSchema.plainSessionConfig(LAB).getInitialConfig()
                .getDefaultProfile();

        assertThat(profile.getBoolean(DefaultDriverOption.REQUEST_DEFAULT_IDEMPOTENCE)).isFalse();
    }
}
