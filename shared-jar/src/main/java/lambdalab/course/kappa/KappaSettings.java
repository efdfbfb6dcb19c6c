package lambdalab.course.kappa;

import java.time.Duration;
import java.util.Map;
import lambdalab.course.JobArguments;
import lambdalab.course.LabEndpoints;
import lambdalab.course.speed.StreamSettings;

/**
 * The Kappa job's settings.
 *
 * @param endpoints            Kafka and Cassandra (Kappa keeps no raw copy on HDFS: the log is Kafka)
 * @param topic                the clickstream topic, read from its earliest offset by a new version
 * @param deadLetterTopic      where rejected records go (the Lambda speed layer's topic)
 * @param version              the view version this job computes
 * @param change               what this version computes differently
 * @param checkpointDir        Spark's checkpoint of this version (offsets, state, commits): a URI
 * @param statusFile           the JSON status file the lab reads, or null
 * @param lateness             how far behind the newest event time an event may be and still count
 * @param triggerMs            the micro-batch interval
 * @param maxOffsetsPerTrigger most records one micro-batch takes (a replay's bound per batch)
 * @param idleTimeout          how long a (product, hour) state waits without events before it is
 *                             checked for closing (a closed hour's state is let go then)
 */
public record KappaSettings(LabEndpoints endpoints, String topic, String deadLetterTopic, KappaVersion version,
                            KappaChange change, String checkpointDir, String statusFile, Duration lateness,
                            long triggerMs, long maxOffsetsPerTrigger, Duration idleTimeout) {

    static final String USAGE = """
            Usage: KappaJob --kafka HOST:PORT --cassandra HOST:PORT --version N --checkpoint-dir URI [options]
              --master URL                      Spark master (default local[2])
              --topic NAME                      source topic (default weblogs-text)
              --dead-letter-topic NAME          where rejected records go (default weblogs-deadletter)
              --change NAME                     what this version computes differently (default none)
              --status-file PATH                local JSON status file rewritten after each micro-batch
              --lateness-minutes N              event-time lateness the watermark allows (default 60)
              --trigger-ms N                    micro-batch interval (default 1000)
              --max-offsets-per-trigger N       most records per micro-batch (default 200000)
              --idle-minutes N                  a (product, hour) state without events is checked for closing
                                                after this long (default 5)""";

    static KappaSettings parse(String[] args) {
        Map<String, String> options = JobArguments.parse(args);
        String[] cassandra = required(options, "cassandra").split(":");
        if (cassandra.length != 2) {
            throw new IllegalArgumentException("--cassandra takes HOST:PORT, got " + options.get("cassandra"));
        }
        LabEndpoints endpoints = new LabEndpoints(required(options, "kafka"), cassandra[0],
                (int) number(cassandra[1], "--cassandra port"), options.getOrDefault("hdfs", "hdfs://127.0.0.1:9000"),
                JobArguments.replication(options));
        return new KappaSettings(endpoints,
                options.getOrDefault("topic", StreamSettings.TOPIC),
                options.getOrDefault("dead-letter-topic", StreamSettings.DEAD_LETTER_TOPIC),
                KappaVersion.parse(required(options, "version")),
                KappaChange.byName(options.getOrDefault("change", KappaChange.NONE.wireName())),
                required(options, "checkpoint-dir"),
                options.get("status-file"),
                Duration.ofMinutes(number(options.getOrDefault("lateness-minutes", "60"), "--lateness-minutes")),
                number(options.getOrDefault("trigger-ms", "1000"), "--trigger-ms"),
                number(options.getOrDefault("max-offsets-per-trigger", "200000"), "--max-offsets-per-trigger"),
                Duration.ofMinutes(number(options.getOrDefault("idle-minutes", "5"), "--idle-minutes")));
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static long number(String text, String what) {
        try {
            long value = Long.parseLong(text.strip());
            if (value <= 0) {
                throw new IllegalArgumentException(what + " must be positive, got " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " takes a whole number, got " + text);
        }
    }
}
