package lambdalab.course.clickstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the pacer on a fake clock: no real time passes, nothing depends on wall time. */
class PacerTest {

    private long now = 5_000_000_000L;
    private final List<Long> sleeps = new ArrayList<>();

    private Pacer pacer(int rate) {
        return new Pacer(rate, () -> now, nanos -> {
            sleeps.add(nanos);
            now += nanos;
        });
    }

    @Test
    void sleepsUntilEachEventIsDue() {
        Pacer pacer = pacer(100); // one event every 10 ms
        assertThat(pacer.awaitTurn(0)).isTrue();
        assertThat(pacer.awaitTurn(1)).isTrue();
        now += 4_000_000;
        assertThat(pacer.awaitTurn(2)).isTrue();
        assertThat(sleeps).containsExactly(10_000_000L, 6_000_000L);
    }

    @Test
    void doesNotSleepWhenLessThanAMillisecondAheadOrBehind() {
        Pacer pacer = pacer(10_000); // one event every 0.1 ms
        for (int i = 0; i < 10; i++) {
            pacer.awaitTurn(i);
        }
        assertThat(sleeps).isEmpty();
        pacer.awaitTurn(10);
        assertThat(sleeps).containsExactly(1_000_000L);
        now += 1_000_000_000L; // a second behind: no sleep until back on schedule
        pacer.awaitTurn(11);
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void dueTimesDoNotOverflow() {
        assertThat(pacer(3).dueNanos(Long.MAX_VALUE / 1_000_000_000L * 3 - 1)).isPositive();
        assertThat(pacer(3).dueNanos(4)).isEqualTo(1_333_333_333L);
    }

    @Test
    void interruptionStopsTheWaitAndKeepsTheFlag() {
        Pacer pacer = new Pacer(1, () -> 0L, nanos -> {
            throw new InterruptedException();
        });
        pacer.awaitTurn(0);
        try {
            assertThat(pacer.awaitTurn(1)).isFalse();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
