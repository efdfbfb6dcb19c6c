package lambdalab.course.speed;

import java.io.Serializable;
import lambdalab.course.LabEndpoints;
import lambdalab.course.batch.RawEvents;

/**
 * How the speed layer runs: its source, batch interval, rate cap, state timeout, window, where it
 * keeps checkpoints and raw events, and which outputs are on (all of them, except in the benchmark's
 * aggregation-only reference).
 *
 * @param maxRatePerPartition events per second and Kafka partition a batch may take (a backlog is
 *                            drained in steady batches instead of one huge first batch)
 * @param backpressure        let Spark lower the rate when batches take longer than the interval
 * @param writeOutputs        raw events, dead letters, views, window and offsets; false = only aggregate
 * @param measureLatency      record, per event, the time from produce to visible in the views
 * @param statusFile          a local JSON file rewritten after each batch, or null
 */
public record StreamSettings(LabEndpoints endpoints, String topic, String deadLetterTopic, long batchIntervalMs,
                             long maxRatePerPartition, boolean backpressure, int stateTimeoutSeconds,
                             int windowSeconds, String checkpointDir, String rawPath, boolean writeOutputs,
                             boolean measureLatency, String statusFile) implements Serializable {

    public static final String TOPIC = "weblogs-text";
    public static final String DEAD_LETTER_TOPIC = "weblogs-deadletter";
    public static final String CHECKPOINT_DIR = "/lambda/checkpoints/speed-layer";
    public static final String CONSUMER_GROUP = "lambda-speed-layer";

    public StreamSettings {
        require(batchIntervalMs >= 100, "the batch interval must be at least 100 ms, got " + batchIntervalMs);
        require(maxRatePerPartition > 0, "the rate per partition must be positive, got " + maxRatePerPartition);
        require(stateTimeoutSeconds > 0, "the state timeout must be positive, got " + stateTimeoutSeconds + " s");
        // after a restart Spark recomputes up to ten batches of state; a group must not time out
        // and come back within them (see StateEntries)
        require(stateTimeoutSeconds * 1000L >= 20 * batchIntervalMs, "the state timeout (" + stateTimeoutSeconds
                + " s) must span at least 20 batches of " + batchIntervalMs + " ms");
        require(windowSeconds * 1000L >= batchIntervalMs && windowSeconds * 1000L % batchIntervalMs == 0,
                "the window (" + windowSeconds + " s) must be a multiple of the batch interval (" + batchIntervalMs + " ms)");
    }

    /** The course's defaults on the lab's endpoints: 1 s batches, 2 h state timeout, 30 s window. */
    public static StreamSettings defaults(LabEndpoints endpoints) {
        return new StreamSettings(endpoints, TOPIC, DEAD_LETTER_TOPIC, 1000, 250_000, false, 7200, 30,
                endpoints.hdfsUri() + CHECKPOINT_DIR, endpoints.hdfsUri() + RawEvents.DEFAULT_PATH, true, false, null);
    }

    public StreamSettings withBatchInterval(long ms) {
        return new StreamSettings(endpoints, topic, deadLetterTopic, ms, maxRatePerPartition, backpressure,
                stateTimeoutSeconds, windowSeconds, checkpointDir, rawPath, writeOutputs, measureLatency, statusFile);
    }

    public StreamSettings withRate(long perPartition, boolean withBackpressure) {
        return new StreamSettings(endpoints, topic, deadLetterTopic, batchIntervalMs, perPartition, withBackpressure,
                stateTimeoutSeconds, windowSeconds, checkpointDir, rawPath, writeOutputs, measureLatency, statusFile);
    }

    public StreamSettings withState(int timeoutSeconds, int windowLengthSeconds) {
        return new StreamSettings(endpoints, topic, deadLetterTopic, batchIntervalMs, maxRatePerPartition, backpressure,
                timeoutSeconds, windowLengthSeconds, checkpointDir, rawPath, writeOutputs, measureLatency, statusFile);
    }

    /** Other topics and paths, e.g. for a benchmark that must not touch the course's data. */
    public StreamSettings withLocations(String sourceTopic, String deadLetters, String checkpoints, String raw) {
        return new StreamSettings(endpoints, sourceTopic, deadLetters, batchIntervalMs, maxRatePerPartition, backpressure,
                stateTimeoutSeconds, windowSeconds, checkpoints, raw, writeOutputs, measureLatency, statusFile);
    }

    public StreamSettings withOutputs(boolean outputs, boolean latency) {
        return new StreamSettings(endpoints, topic, deadLetterTopic, batchIntervalMs, maxRatePerPartition, backpressure,
                stateTimeoutSeconds, windowSeconds, checkpointDir, rawPath, outputs, latency, statusFile);
    }

    public StreamSettings withStatusFile(String path) {
        return new StreamSettings(endpoints, topic, deadLetterTopic, batchIntervalMs, maxRatePerPartition, backpressure,
                stateTimeoutSeconds, windowSeconds, checkpointDir, rawPath, writeOutputs, measureLatency, path);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
