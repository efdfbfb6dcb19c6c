package lambdalab.lab.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultScheduleTest {

    @Test
    void theSameSeedGivesTheSameMomentsAndAnotherSeedOthers() {
        FaultSchedule first = FaultSchedule.of(10, Duration.ofMinutes(4), 42);
        assertThat(FaultSchedule.of(10, Duration.ofMinutes(4), 42)).isEqualTo(first);
        assertThat(FaultSchedule.of(10, Duration.ofMinutes(4), 43)).isNotEqualTo(first);
    }

    @Test
    void momentsAreInOrderApartAndOutOfTheRunsFirstAndLastTenth() {
        Duration run = Duration.ofMinutes(4);
        for (long seed = 0; seed < 200; seed++) {
            List<Duration> moments = FaultSchedule.of(10, run, seed).moments();
            assertThat(moments).hasSize(10).isSorted();
            assertThat(moments.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(24));
            assertThat(moments.get(9)).isLessThan(Duration.ofSeconds(216));
            for (int i = 1; i < moments.size(); i++) {
                // slots of 19.2 s, each fault in the first half of its own
                assertThat(moments.get(i).minus(moments.get(i - 1))).isGreaterThanOrEqualTo(Duration.ofMillis(9600));
            }
        }
    }

    @Test
    void aDrillWithoutFaultsIsRefused() {
        assertThatThrownBy(() -> FaultSchedule.of(0, Duration.ofMinutes(1), 1))
                .hasMessageContaining("at least one fault");
    }
}
