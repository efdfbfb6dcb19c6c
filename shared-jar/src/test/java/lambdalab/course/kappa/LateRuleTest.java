package lambdalab.course.kappa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LateRuleTest {

    private static final long HOUR = 3_600_000;

    @Test
    void anHourClosesOnceTheWatermarkReachesItsEnd() {
        assertThat(LateRule.closed(10 * HOUR, 11 * HOUR - 1)).isFalse();
        assertThat(LateRule.closed(10 * HOUR, 11 * HOUR)).isTrue();
    }

    @Test
    void withoutAWatermarkYetNothingIsClosed() {
        assertThat(LateRule.closed(0, 0)).isFalse();
    }
}
