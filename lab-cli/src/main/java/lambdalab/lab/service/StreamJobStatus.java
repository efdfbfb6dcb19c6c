package lambdalab.lab.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What the speed-layer job reports about itself in its status file (rewritten atomically after each
 * micro-batch; see {@link StreamStatusFile}). Fields the job may add later are ignored.
 *
 * @param state         starting, running, stopping or stopped
 * @param pid           the job's own process; a file of an earlier run names another PID
 * @param recoveredFrom where its state came from: checkpoint, views or fresh
 * @param lastBatch     the last completed micro-batch, or null before the first
 * @param offsets       the next Kafka offset to read, per partition
 * @param totals        counts a job keeps of its own (the Lambda+ job's late readings), or empty
 * @param drill         a drill the job runs (`lab drill lost-messages`), what it does; null when none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StreamJobStatus(String state, long pid, Instant startedAt, String recoveredFrom, long batchIntervalMs,
                              long batches, long totalEvents, long totalInvalid, LastBatch lastBatch,
                              Map<String, Long> offsets, Instant updatedAt,
                              Map<String, Long> totals, String drill) {

    public static final String RUNNING = "running";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LastBatch(Instant time, long events, long invalid, long processingMs, long schedulingDelayMs) {
    }

    public StreamJobStatus {
        offsets = offsets == null ? Map.of() : offsets;
        totals = totals == null ? Map.of() : totals;
    }

    /** The job is ready once it says it is running, and it is the process we started that says so. */
    public boolean readyFor(long processPid) {
        return RUNNING.equals(state) && pid == processPid;
    }

    /**
     * The input rate seen by the last micro-batch: its events over the batch interval (the stretch of
     * the stream one batch covers), not over its processing time.
     */
    public OptionalDouble eventsPerSecond() {
        if (lastBatch == null || batchIntervalMs <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(lastBatch.events() * 1000.0 / batchIntervalMs);
    }
}
