package lambdalab.course.kappa;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import lambdalab.course.speed.DeadLetters;
import lambdalab.course.speed.ParsedRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;

/**
 * The Kappa job's first step on each Kafka record of a micro-batch's partition: decoded exactly as
 * the Lambda speed layer decodes ({@link ParsedRecord#of}); a rejected record goes to the dead-letter
 * topic (the speed layer's {@link DeadLetters}, keyed by source position, so a replayed batch's
 * letters replace themselves in the compacted topic); a valid event passes on if the version's
 * {@link KappaChange} keeps it.
 *
 * <p>The dead letters of a partition are sent when its last record has been read, and acknowledged
 * before the task ends: a failed send fails the task, hence the micro-batch, which is then retried
 * from its offsets, never committed without its dead letters.
 */
final class KappaDecoder implements MapPartitionsFunction<Row, KappaEvent> {

    /** One producer per JVM and destination, shared by the tasks (KafkaProducer is thread-safe). */
    private static final Map<String, DeadLetters> PRODUCERS = new ConcurrentHashMap<>();

    private final String bootstrapServers;
    private final String sourceTopic;
    private final String deadLetterTopic;
    private final KappaChange change;
    private final LongAccumulator invalid;

    KappaDecoder(String bootstrapServers, String sourceTopic, String deadLetterTopic, KappaChange change,
                 LongAccumulator invalid) {
        this.bootstrapServers = bootstrapServers;
        this.sourceTopic = sourceTopic;
        this.deadLetterTopic = deadLetterTopic;
        this.change = change;
        this.invalid = invalid;
    }

    @Override
    public Iterator<KappaEvent> call(Iterator<Row> records) {
        return new Iterator<>() {
            private final List<ParsedRecord> rejected = new ArrayList<>();
            private KappaEvent next;
            private boolean finished;

            @Override
            public boolean hasNext() {
                while (next == null && !finished) {
                    if (records.hasNext()) {
                        next = decode(records.next(), rejected);
                    } else {
                        finished = true;
                        sendDeadLetters(rejected);
                    }
                }
                return next != null;
            }

            @Override
            public KappaEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                KappaEvent event = next;
                next = null;
                return event;
            }
        };
    }

    /** The record's event if it counts in this version; null if rejected (added to {@code rejected}) or left out. */
    private KappaEvent decode(Row row, List<ParsedRecord> rejected) {
        ParsedRecord parsed = ParsedRecord.of(new ConsumerRecord<>(row.<String>getAs("topic"),
                row.<Integer>getAs("partition"), row.<Long>getAs("offset"), null, row.<byte[]>getAs("value")));
        if (!parsed.valid()) {
            rejected.add(parsed);
            return null;
        }
        return change.keeps(parsed.event()) ? KappaEvent.of(parsed.event()) : null;
    }

    private void sendDeadLetters(List<ParsedRecord> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        DeadLetters letters = PRODUCERS.computeIfAbsent(bootstrapServers + "|" + deadLetterTopic + "|" + sourceTopic,
                key -> new DeadLetters(bootstrapServers, deadLetterTopic, sourceTopic));
        try {
            letters.send(rejected);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot send " + rejected.size() + " dead letters to " + deadLetterTopic
                    + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending dead letters", e);
        }
        invalid.add(rejected.size());
    }
}
