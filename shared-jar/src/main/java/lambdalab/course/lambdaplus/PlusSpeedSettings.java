package lambdalab.course.lambdaplus;

import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import lambdalab.course.LabEndpoints;

/**
 * The Lambda+ speed job's settings.
 *
 * @param endpoints           Kafka and Cassandra (HDFS is not used: Lambda+ keeps everything in Cassandra)
 * @param checkpointDir       Spark's checkpoint (a local folder by default: the job's state and offsets)
 * @param statusFile          the JSON status file the lab reads, or null
 * @param batchMs             the batch interval (1 s: the design's "every second")
 * @param horizon             how old a reading may be and still count in the speed layer; older ones
 *                            are the batch job's (it recomputes every bucket older than this)
 * @param maxRatePerPartition readings per second per partition a batch may take (a catch-up's bound)
 */
public record PlusSpeedSettings(LabEndpoints endpoints, String checkpointDir, String statusFile, long batchMs,
                                Duration horizon, long maxRatePerPartition) implements Serializable {

    public static final String GROUP_ID = "lambda-plus-speed";

    /**
     * The speed job stops writing a bucket this long before the horizon: a batch run covering the
     * bucket starts only once the bucket is past the horizon, so the speed job's last write of it
     * has landed well before the batch reads, and the batch's correction is never overwritten.
     */
    public Duration writeMargin() {
        Duration tenth = horizon.dividedBy(10);
        Duration max = Duration.ofSeconds(30);
        return tenth.compareTo(max) < 0 ? tenth : max;
    }

    static PlusSpeedSettings parse(Map<String, String> options) {
        required(options, "kafka");
        LabEndpoints endpoints = endpoints(options);
        long horizonSeconds = number(options.getOrDefault("horizon-seconds", "300"), "--horizon-seconds");
        if (horizonSeconds < 10) {
            throw new IllegalArgumentException("--horizon-seconds must be at least 10, got " + horizonSeconds);
        }
        return new PlusSpeedSettings(endpoints, required(options, "checkpoint-dir"), options.get("status-file"),
                number(options.getOrDefault("batch-ms", "1000"), "--batch-ms"), Duration.ofSeconds(horizonSeconds),
                number(options.getOrDefault("max-rate-per-partition", "100000"), "--max-rate-per-partition"));
    }

    /** The Lambda+ jobs' {@code --kafka} (default the lab's) and {@code --cassandra HOST:PORT} (required). */
    static LabEndpoints endpoints(Map<String, String> options) {
        String[] cassandra = required(options, "cassandra").split(":");
        if (cassandra.length != 2) {
            throw new IllegalArgumentException("--cassandra takes HOST:PORT, got " + options.get("cassandra"));
        }
        return new LabEndpoints(options.getOrDefault("kafka", "127.0.0.1:9092"), cassandra[0],
                number(cassandra[1], "--cassandra port"), options.getOrDefault("hdfs", "hdfs://127.0.0.1:9000"),
                lambdalab.course.JobArguments.replication(options));
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static int number(String text, String what) {
        try {
            int value = Integer.parseInt(text);
            if (value <= 0) {
                throw new IllegalArgumentException(what + " must be positive, got " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " takes a whole number, got " + text);
        }
    }
}
