package lambdalab.course.clickstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class SimulatedClockTest {

    @Test
    void oneRealSecondOfNominalTrafficIsTimeMultiplierSimulatedSeconds() {
        SimulatedClock clock = new SimulatedClock(0, 480, 1000);
        assertThat(clock.timestampOf(0)).isZero();
        assertThat(clock.timestampOf(1)).isEqualTo(480);
        assertThat(clock.timestampOf(1000)).isEqualTo(480_000); // 8 simulated minutes
    }

    @Test
    void matchesExactArithmeticOrThrowsForABillionEventsAndMoreAtTheExtremeSettings() {
        long[] indexes = {1, 999_999_999, 1_000_000_000L, 123_456_789_012L};
        int[][] settings = {{480, 1000}, {1_000_000, 1_000_000_000}, {1_000_000, 7}, {1, 1_000_000_000}, {997, 999_983}};
        for (int[] s : settings) {
            SimulatedClock clock = new SimulatedClock(1_704_067_200_000L, s[0], s[1]);
            for (long i : indexes) {
                BigInteger exact = BigInteger.valueOf(i).multiply(BigInteger.valueOf(s[0] * 1000L))
                        .divide(BigInteger.valueOf(s[1])).add(BigInteger.valueOf(1_704_067_200_000L));
                if (exact.bitLength() < Long.SIZE) {
                    assertThat(clock.timestampOf(i)).as("i=%d multiplier=%d rate=%d", i, s[0], s[1])
                            .isEqualTo(exact.longValueExact());
                } else {
                    assertThatThrownBy(() -> clock.timestampOf(i)).isInstanceOf(ArithmeticException.class);
                }
            }
        }
    }

    @Test
    void throwsInsteadOfWrappingAround() {
        SimulatedClock clock = new SimulatedClock(0, 1_000_000, 1);
        assertThatThrownBy(() -> clock.timestampOf(Long.MAX_VALUE / 1000)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void rejectsSettingsOutsideTheSafeBounds() {
        assertThatThrownBy(() -> new SimulatedClock(0, 0, 1)).hasMessageContaining("timeMultiplier");
        assertThatThrownBy(() -> new SimulatedClock(0, 1, 0)).hasMessageContaining("nominalRate");
        assertThatThrownBy(() -> new SimulatedClock(-1, 1, 1)).hasMessageContaining("startMs");
        assertThatThrownBy(() -> new SimulatedClock(0, 1, 1).timestampOf(-1)).hasMessageContaining("eventIndex");
    }
}
