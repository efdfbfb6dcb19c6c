package lambdalab.course.speed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import lambdalab.course.kafka.KafkaSink;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends rejected records to the dead-letter topic, keyed by their source position
 * ({@code topic-partition@offset}) with the codec's reason and message as headers. The key makes
 * each dead letter identifiable: a batch replayed after a crash may send its dead letters again,
 * and the topic is compacted by key, so readers (and compaction) keep one per source record.
 * The Kappa job sends its dead letters with it too.
 */
public final class DeadLetters implements AutoCloseable {

    /** At most this much of a rejected record is kept in its dead letter (header {@code original_bytes}: its size). */
    static final int MAX_PAYLOAD_BYTES = 64 * 1024;

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final String sourceTopic;

    public DeadLetters(String bootstrapServers, String topic, String sourceTopic) {
        this.producer = new KafkaProducer<>(KafkaSink.producerConfig(bootstrapServers, Map.of()),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.sourceTopic = sourceTopic;
    }

    /**
     * Sends every rejected record and returns once Kafka has acknowledged them all; throws if any
     * send failed, so the batch's offsets are never committed without its dead letters.
     */
    public void send(List<ParsedRecord> rejected) throws ExecutionException, InterruptedException {
        List<Future<RecordMetadata>> sends = new ArrayList<>(rejected.size());
        for (ParsedRecord record : rejected) {
            sends.add(producer.send(letter(record)));
        }
        producer.flush();
        for (Future<RecordMetadata> send : sends) {
            send.get(); // the send's own failure (rejected by the broker, timed out) as an ExecutionException
        }
    }

    /**
     * The dead letter of a record. Its payload is cut to {@link #MAX_PAYLOAD_BYTES}: a rejected line
     * may be as long as the source topic allows, and with its key and headers it would no longer fit
     * into one produce request. A line that long was rejected for its length; its start says enough.
     */
    ProducerRecord<byte[], byte[]> letter(ParsedRecord record) {
        byte[] payload = record.rejectedBytes();
        byte[] kept = payload.length > MAX_PAYLOAD_BYTES ? Arrays.copyOf(payload, MAX_PAYLOAD_BYTES) : payload;
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(topic,
                record.sourcePosition(sourceTopic).getBytes(StandardCharsets.UTF_8), kept);
        letter.headers().add("reason", record.error().reason().name().getBytes(StandardCharsets.UTF_8));
        letter.headers().add("message", record.error().message().getBytes(StandardCharsets.UTF_8));
        letter.headers().add("original_bytes", Integer.toString(payload.length).getBytes(StandardCharsets.UTF_8));
        return letter;
    }

    @Override
    public void close() {
        producer.close();
    }
}
