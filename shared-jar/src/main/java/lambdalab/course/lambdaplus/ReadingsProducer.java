package lambdalab.course.lambdaplus;

import java.util.Map;
import lambdalab.course.kafka.KafkaSink;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The producer settings the Lambda+ app server sends readings to {@link PlusSchema#TOPIC} with (and
 * `lab bench plus` measures Kafka alone with): the generator's (acks=all, idempotent), lingering only
 * 1 ms (a request waits for its own readings), with short timeouts, so that a Kafka outage becomes a
 * quick 503 instead of a request hanging for the client library's default minute.
 */
public final class ReadingsProducer {

    private ReadingsProducer() {
    }

    public static Map<String, Object> settings(String bootstrapServers) {
        return KafkaSink.producerConfig(bootstrapServers, Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.LINGER_MS_CONFIG, 1));
    }
}
