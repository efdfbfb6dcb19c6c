package lambdalab.sensorapp;

import java.util.concurrent.CompletableFuture;
import lambdalab.course.lambdaplus.SensorReading;

/**
 * Where a stored reading goes next: the Kafka topic the speed layer reads. An interface so the HTTP
 * tests can run the real {@link DoubleWriter} against an in-memory topic.
 */
public interface SpeedSink {

    /**
     * Sends the reading; the future completes when the broker acknowledged it. A caller that gives up
     * on the future (a timeout completes it) may cause the send to be skipped if it has not started.
     */
    CompletableFuture<Void> send(SensorReading reading);

    /** One word or a short phrase for {@code /health}: {@code up}, or what is wrong. */
    String status();
}
