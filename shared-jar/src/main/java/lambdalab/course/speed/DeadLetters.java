package lambdalab.course.speed;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import lambdalab.course.kafka.KafkaSink;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends rejected records to the dead-letter topic, keyed by their source position
 * ({@code topic-partition@offset}) with the codec's reason and message as headers. The key makes
 * each dead letter identifiable: a batch replayed after a crash may send its dead letters again,
 * and the topic is compacted by key, so readers (and compaction) keep one per source record.
 */
final class DeadLetters implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final String sourceTopic;

    DeadLetters(String bootstrapServers, String topic, String sourceTopic) {
        this.producer = new KafkaProducer<>(KafkaSink.producerConfig(bootstrapServers, Map.of()),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.sourceTopic = sourceTopic;
    }

    /** Sends every rejected record and waits until Kafka has them all. */
    void send(List<ParsedRecord> rejected) {
        for (ParsedRecord record : rejected) {
            ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(topic,
                    record.sourcePosition(sourceTopic).getBytes(StandardCharsets.UTF_8), record.rejectedBytes());
            letter.headers().add("reason", record.error().reason().name().getBytes(StandardCharsets.UTF_8));
            letter.headers().add("message", record.error().message().getBytes(StandardCharsets.UTF_8));
            producer.send(letter);
        }
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
