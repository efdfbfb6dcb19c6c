package lambdalab.course.speed;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import lambdalab.course.LabEndpoints;
import lambdalab.course.kafka.KafkaTopics;
import lambdalab.course.serving.ViewReader;
import lambdalab.course.views.LambdaSchema;

/**
 * Waiting for the running speed layer (a separate process) to have read and committed what a note or
 * a drill sent: its commits in Cassandra come after each batch's outputs, so once they pass an
 * offset, the views and the raw dataset hold everything below it.
 */
public final class StreamCatchUp {

    private StreamCatchUp() {
    }

    /** Waits until the speed layer has committed everything the topic holds now; returns its commits. */
    public static Map<Integer, Long> awaitAll(LabEndpoints endpoints, String topic, Duration timeout)
            throws InterruptedException {
        return await(endpoints, topic, KafkaTopics.latestOffsets(endpoints.kafkaBootstrapServers(), topic), timeout);
    }

    /**
     * Waits until the speed layer has committed every offset below {@code until}, per partition.
     *
     * @throws IllegalStateException after {@code timeout}, with what it committed and where to look
     */
    public static Map<Integer, Long> await(LabEndpoints endpoints, String topic, Map<Integer, Long> until,
                                           Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        try (var session = LambdaSchema.openJobSession(endpoints)) {
            ViewReader views = new ViewReader(session);
            Map<Integer, Long> committed = views.streamCommittedOffsets(topic);
            while (!passed(committed, until)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("The speed layer committed " + committed + " of " + topic + ", not yet "
                            + until + ", after " + timeout.toSeconds() + " s: is it running? `lab stream status` and "
                            + "`lab logs stream` say");
                }
                Thread.sleep(500);
                committed = views.streamCommittedOffsets(topic);
            }
            return committed;
        }
    }

    private static boolean passed(Map<Integer, Long> committed, Map<Integer, Long> until) {
        return until.entrySet().stream().allMatch(end -> committed.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }
}
