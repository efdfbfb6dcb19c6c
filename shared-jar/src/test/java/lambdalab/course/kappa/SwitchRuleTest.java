package lambdalab.course.kappa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SwitchRuleTest {

    private static final KappaVersion V1 = new KappaVersion(1);
    private static final KappaVersion V2 = new KappaVersion(2);

    @Test
    void aVersionThatCaughtUpIsSwitchedTo() {
        SwitchRule.Decision decision = SwitchRule.decide(V2, true, Optional.of(V1), lag(0, 0), 0);
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.alreadyCurrent()).isFalse();
    }

    @Test
    void aLagWithinTheAllowanceIsCaughtUpEnoughForLiveTraffic() {
        assertThat(SwitchRule.decide(V2, true, Optional.of(V1), lag(400, 600), 1_000).allowed()).isTrue();
        assertThat(SwitchRule.decide(V2, true, Optional.of(V1), lag(400, 601), 1_000).allowed()).isFalse();
    }

    @Test
    void aVersionStillReplayingIsRefusedSayingItsLagPerPartition() {
        SwitchRule.Decision decision = SwitchRule.decide(V2, true, Optional.of(V1), lag(12_000, 345), 5_000);
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).contains("v2 has not caught up", "12,345", "partition 0: 12,000",
                "partition 1: 345", "5,000 allowed");
    }

    @Test
    void anUnknownVersionIsRefusedAndTheCurrentOneChangesNothing() {
        assertThat(SwitchRule.decide(V2, false, Optional.of(V1), lag(0, 0), 0).reason())
                .contains("there is no Kappa version 2");
        SwitchRule.Decision same = SwitchRule.decide(V1, true, Optional.of(V1), lag(99, 99), 0);
        assertThat(same.allowed()).isTrue();
        assertThat(same.alreadyCurrent()).isTrue();
    }

    /** A version {@code partition0} and {@code partition1} records behind the end of a topic of 100,000 per partition. */
    private static VersionOffsets lag(long partition0, long partition1) {
        return new VersionOffsets(Map.of(0, 100_000L, 1, 100_000L), Map.of(0, 0L, 1, 0L),
                Map.of(0, 100_000L - partition0, 1, 100_000L - partition1));
    }
}
