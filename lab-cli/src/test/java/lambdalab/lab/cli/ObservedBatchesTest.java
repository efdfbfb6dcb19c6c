package lambdalab.lab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ObservedBatchesTest {

    private static ObservedBatches.Batch batch(int second, long delayMs, boolean duringBatchRun) {
        return new ObservedBatches.Batch(Instant.ofEpochSecond(second), 10, 100 + second, delayMs, duringBatchRun);
    }

    @Test
    void aBatchSampledSeveralTimesCountsOnceAsFirstSeen() {
        ObservedBatches batches = new ObservedBatches();
        batches.add(batch(1, 5, false));
        batches.add(batch(1, 5, true)); // the same batch, read again while a batch run started

        assertThat(batches.size()).isEqualTo(1);
        assertThat(batches.events()).isEqualTo(10);
        assertThat(batches.count(ObservedBatches.Batch::duringBatchRun)).isZero();
    }

    @Test
    void percentilesAreNearestRankOverTheSelectedBatches() {
        ObservedBatches batches = new ObservedBatches();
        for (int second = 1; second <= 100; second++) {
            batches.add(batch(second, second * 10L, second > 90));
        }

        assertThat(batches.percentile(0.5, b -> true, ObservedBatches.Batch::schedulingDelayMs)).isEqualTo(500);
        assertThat(batches.percentile(0.99, b -> true, ObservedBatches.Batch::schedulingDelayMs)).isEqualTo(990);
        assertThat(batches.max(b -> true, ObservedBatches.Batch::schedulingDelayMs)).isEqualTo(1000);
        assertThat(batches.percentile(0.5, ObservedBatches.Batch::duringBatchRun,
                ObservedBatches.Batch::schedulingDelayMs)).isEqualTo(950);
        assertThat(batches.percentile(0.99, b -> false, ObservedBatches.Batch::schedulingDelayMs)).isEqualTo(-1);
    }

    @Test
    void theLargestValueOfEachMinuteCountsFromTheFirstBatch() {
        ObservedBatches batches = new ObservedBatches();
        batches.add(batch(10, 300, false));
        batches.add(batch(69, 900, false));
        batches.add(batch(70, 100, false)); // the second minute
        batches.add(batch(200, 50, false)); // the fourth; none in the third

        assertThat(batches.maxPerMinute(ObservedBatches.Batch::schedulingDelayMs)).containsExactly(900L, 100L, -1L, 50L);
    }
}
