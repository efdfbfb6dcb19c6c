package lambdalab.lab.drill;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AckGapsTest {

    @Test
    void theLongestTimeWithoutANewAcknowledgementIsTheGap() {
        AckGaps gaps = new AckGaps();
        gaps.sample(0, 1_000);
        gaps.sample(10, 1_050);
        gaps.sample(10, 1_100);
        gaps.sample(10, 3_550); // Kafka restarting: nothing acknowledged for 2.5 s
        gaps.sample(900, 3_600);
        gaps.sample(950, 3_650);
        gaps.sample(950, 4_150);
        assertThat(gaps.longestMs()).isEqualTo(2_500);
    }

    @Test
    void aSteadyStreamHasNoGap() {
        AckGaps gaps = new AckGaps();
        for (int i = 0; i < 100; i++) {
            gaps.sample(i * 10L, i * 50L);
        }
        assertThat(gaps.longestMs()).isZero();
    }
}
