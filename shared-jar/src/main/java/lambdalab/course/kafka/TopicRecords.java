package lambdalab.course.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Records of a topic as bytes, outside Spark: send values exactly as given (lines the codec rejects
 * included), and read back what lies between two sets of offsets. For the notes and drills that
 * look at what the speed layer reads and what it sends to the dead-letter topic.
 */
public final class TopicRecords {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private TopicRecords() {
    }

    /** Sends each value as one record without a key, and returns once Kafka acknowledged them all. */
    public static void send(String bootstrapServers, String topic, List<byte[]> values) throws InterruptedException {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KafkaSink.producerConfig(bootstrapServers, Map.of()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (byte[] value : values) {
                sends.add(producer.send(new ProducerRecord<>(topic, value)));
            }
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused a record for " + topic + ": " + e.getCause(), e.getCause());
        }
    }

    /**
     * The records of each partition from {@code from} (included) to {@code until} (excluded); a
     * partition missing from {@code from} is read from 0.
     *
     * @throws IllegalStateException when they are not all there after 30 s
     */
    public static List<ConsumerRecord<byte[], byte[]>> read(String bootstrapServers, String topic, Map<Integer, Long> from,
                                                            Map<Integer, Long> until) {
        Map<String, Object> config = new HashMap<>(KafkaTopics.adminConfig(bootstrapServers));
        config.put("enable.auto.commit", false);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            Map<TopicPartition, Long> remaining = new HashMap<>();
            until.forEach((partition, end) -> {
                long start = from.getOrDefault(partition, 0L);
                if (end > start) {
                    remaining.put(new TopicPartition(topic, partition), end);
                }
            });
            consumer.assign(remaining.keySet());
            remaining.keySet().forEach(partition -> consumer.seek(partition, from.getOrDefault(partition.partition(), 0L)));
            Instant deadline = Instant.now().plus(READ_TIMEOUT);
            while (!remaining.isEmpty() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(topic, record.partition());
                    Long end = remaining.get(partition);
                    if (end != null && record.offset() < end) {
                        records.add(record);
                    }
                    if (end != null && record.offset() >= end - 1) {
                        remaining.remove(partition);
                    }
                }
            }
            if (!remaining.isEmpty()) {
                throw new IllegalStateException("Could not read " + topic + " up to " + remaining + " within "
                        + READ_TIMEOUT.toSeconds() + " s");
            }
        }
        return records;
    }
}
