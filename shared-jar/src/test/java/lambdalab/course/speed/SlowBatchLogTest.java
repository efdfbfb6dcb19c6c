package lambdalab.course.speed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlowBatchLogTest {

    private static final Instant BATCH = Instant.parse("2026-12-06T03:00:00Z");

    private final SlowBatchLog log = new SlowBatchLog(1000);

    @Test
    void aBatchWithinTheIntervalLogsNothing() {
        assertThat(log.batchDone(BATCH, 2000, 1000, 0, Map.of("raw events", 400L), 0)).isEmpty();
    }

    @Test
    void aSlowBatchSaysHowLongEachOutputTook() {
        Map<String, Long> outputs = new LinkedHashMap<>();
        outputs.put("raw events", 4_200L);
        outputs.put("aggregation and views", 1_300L);

        assertThat(log.batchDone(BATCH, 3629, 5_700, 250, outputs, 0)).hasValue("Slow batch 2026-12-06T03:00:00Z: "
                + "3,629 events processed in 5,700 ms, longer than the 1,000 ms batch interval (raw events 4,200 ms, "
                + "aggregation and views 1,300 ms); scheduling delay 250 ms.");
    }

    @Test
    void slowBatchesWithinTenSecondsOfALineAreCountedInTheNextLine() {
        assertThat(log.batchDone(BATCH, 1, 1_500, 0, Map.of(), 0)).isPresent();
        assertThat(log.batchDone(BATCH.plusSeconds(1), 1, 1_500, 500, Map.of(), 1_500)).isEmpty();
        assertThat(log.batchDone(BATCH.plusSeconds(2), 1, 900, 1_000, Map.of(), 2_400)).isEmpty();
        assertThat(log.batchDone(BATCH.plusSeconds(3), 1, 1_500, 0, Map.of(), 9_999)).isEmpty();

        assertThat(log.batchDone(BATCH.plusSeconds(12), 1, 1_200, 0, Map.of(), 12_000)).hasValueSatisfying(line ->
                assertThat(line).endsWith("scheduling delay 0 ms (3 slow batches since the last such line)."));
    }

    @Test
    void theSlowestBatchSoFarIsLoggedEvenRightAfterALine() {
        assertThat(log.batchDone(BATCH, 0, 1_300, 0, Map.of(), 0)).isPresent();
        assertThat(log.batchDone(BATCH.plusSeconds(1), 2_000, 4_500, 300, Map.of(), 4_800)).hasValueSatisfying(line ->
                assertThat(line).contains("2,000 events processed in 4,500 ms"));
        assertThat(log.batchDone(BATCH.plusSeconds(2), 2_000, 4_500, 3_800, Map.of(), 9_300)).isEmpty();
    }

    @Test
    void theTimingsOfABatchAreTakenOnceAndForgetEarlierBatches() {
        OutputTimings timings = new OutputTimings();
        timings.record(1000, "raw events", 10);
        timings.record(1000, "offsets", 5);
        timings.record(2000, "raw events", 20);
        timings.record(2000, "window view", 3);

        assertThat(timings.takeBatch(2000)).containsExactly(Map.entry("raw events", 20L), Map.entry("window view", 3L));
        assertThat(timings.takeBatch(2000)).isEmpty();
        assertThat(timings.takeBatch(1000)).as("an earlier batch, forgotten with the later one").isEmpty();
        assertThat(timings.medians()).containsEntry("raw events", 20L);
    }
}
