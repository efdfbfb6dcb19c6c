package lambdalab.sensorapp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import lambdalab.course.lambdaplus.SensorReading;

/**
 * In-memory stand-ins for records and Kafka: what was written, in order, with switchable failures and
 * an optional delay (to have requests in flight).
 */
final class InMemorySinks {

    final List<SensorReading> records = Collections.synchronizedList(new ArrayList<>());
    final List<SensorReading> kafka = Collections.synchronizedList(new ArrayList<>());
    private final Set<SensorReading> written = ConcurrentHashMap.newKeySet();
    volatile boolean failRecords;
    volatile boolean failKafka;
    volatile boolean neverAnswerKafka;
    volatile long delayMillis;

    final RecordsSink recordsSink = new RecordsSink() {
        @Override
        public CompletableFuture<Void> write(SensorReading reading) {
            return later(() -> {
                if (failRecords) {
                    throw new IllegalStateException("records down");
                }
                records.add(reading);
                written.add(reading);
            });
        }

        @Override
        public String status() {
            return failRecords ? "failing" : "up";
        }
    };

    final SpeedSink speedSink = new SpeedSink() {
        @Override
        public CompletableFuture<Void> send(SensorReading reading) {
            if (neverAnswerKafka) {
                return new CompletableFuture<>();
            }
            if (!written.contains(reading)) {
                return CompletableFuture.failedFuture(new AssertionError("sent before its row was written: " + reading));
            }
            return later(() -> {
                if (failKafka) {
                    throw new IllegalStateException("kafka down");
                }
                kafka.add(reading);
            });
        }

        @Override
        public String status() {
            return failKafka ? "failing" : "up";
        }
    };

    private CompletableFuture<Void> later(Runnable write) {
        long delay = delayMillis;
        Executor executor = delay > 0 ? CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS) : Runnable::run;
        return CompletableFuture.runAsync(write, executor);
    }
}
