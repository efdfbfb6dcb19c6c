package lambdalab.sensorapp;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import lambdalab.course.lambdaplus.PlusSchema;
import lambdalab.course.lambdaplus.ReadingsProducer;
import lambdalab.course.lambdaplus.SensorReading;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends readings to {@link PlusSchema#TOPIC}, keyed by sensor id (one sensor's readings stay in order
 * on one partition), valued {@link SensorReading#toLine()}.
 *
 * <p>The producer ({@link ReadingsProducer}) is idempotent with {@code acks=all}: its own retries never
 * duplicate a message. Its timeouts are short ({@code max.block.ms} 5 s, {@code delivery.timeout.ms} 10 s)
 * so that a Kafka outage becomes a quick 503, not a request hanging for the client library's default minute.
 *
 * <p>{@code send} may block (for metadata, or buffer space while Kafka is away), so it never runs on
 * the Cassandra driver's I/O thread that completes the records write: sends run on one thread of their
 * own, and a send whose future was already completed by the caller's timeout is skipped.
 */
public final class KafkaSpeedSink implements SpeedSink, AutoCloseable {

    private final Producer<String, String> producer;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kafka-send");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private volatile boolean closed;

    public KafkaSpeedSink(Producer<String, String> producer) {
        this.producer = producer;
    }

    public static KafkaSpeedSink connect(String bootstrapServers) {
        return new KafkaSpeedSink(new KafkaProducer<>(ReadingsProducer.settings(bootstrapServers), new StringSerializer(),
                new StringSerializer()));
    }

    @Override
    public CompletableFuture<Void> send(SensorReading reading) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        try {
            sender.execute(() -> {
                if (acked.isDone()) { // the caller timed out while this waited: do not send late
                    return;
                }
                try {
                    producer.send(new ProducerRecord<>(PlusSchema.TOPIC, Integer.toString(reading.sensorId()),
                            reading.toLine()), (metadata, error) -> {
                                if (error == null) {
                                    lastFailure.set(null);
                                    acked.complete(null);
                                } else {
                                    lastFailure.set(Instant.now() + " " + error.getClass().getSimpleName());
                                    acked.completeExceptionally(error);
                                }
                            });
                } catch (RuntimeException e) { // e.g. max.block.ms passed waiting for metadata, or closed
                    lastFailure.set(Instant.now() + " " + e.getClass().getSimpleName());
                    acked.completeExceptionally(e);
                }
            });
        } catch (RuntimeException e) { // the sender was shut down
            acked.completeExceptionally(e);
        }
        return acked;
    }

    @Override
    public String status() {
        if (closed) {
            return "closed";
        }
        String failure = lastFailure.get();
        return failure == null ? "up" : "last send failed " + failure;
    }

    /** Sends what was queued, waits for the broker's acknowledgements (up to {@code timeout}), closes. */
    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    public void close(Duration timeout) {
        closed = true;
        sender.shutdown();
        try {
            sender.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.flush();
        producer.close(timeout);
    }
}
