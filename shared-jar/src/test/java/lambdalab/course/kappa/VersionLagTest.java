package lambdalab.course.kappa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionLagTest {

    @Test
    void theLagIsTheTopicsEndMinusWhatTheLastCommittedBatchReadPerPartition() {
        VersionLag lag = VersionLag.of(Map.of(0, 100L, 1, 50L), Map.of(0, 0L, 1, 0L), Map.of(0, 90L, 1, 50L));
        assertThat(lag.perPartition()).containsExactly(Map.entry(0, 10L), Map.entry(1, 0L));
        assertThat(lag.total()).isEqualTo(10);
    }

    @Test
    void beforeItsFirstCommitAVersionLagsByEverythingTheTopicStillHolds() {
        VersionLag lag = VersionLag.of(Map.of(0, 100L, 1, 50L), Map.of(0, 20L, 1, 0L), Map.of());
        assertThat(lag.total()).isEqualTo(130);
        assertThat(lag.describe()).isEqualTo("130 (partition 0: 80, partition 1: 50)");
    }
}
