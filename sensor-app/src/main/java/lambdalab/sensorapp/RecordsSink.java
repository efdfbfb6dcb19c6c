package lambdalab.sensorapp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import lambdalab.course.lambdaplus.SensorReading;

/**
 * Where a reading is stored first: {@code lambda_plus.records}, the system of record. An interface so
 * the HTTP tests can run the real {@link DoubleWriter} against an in-memory table.
 */
public interface RecordsSink {

    /** Writes the reading's row; the future completes when the store acknowledged it. */
    CompletableFuture<Void> write(SensorReading reading);

    /**
     * Writes the rows of readings that share one partition (one time bucket) as one write; the future
     * completes when the store acknowledged all of them. By default, one write per reading.
     */
    default CompletableFuture<Void> writePartition(List<SensorReading> sameBucket) {
        return CompletableFuture.allOf(sameBucket.stream().map(this::write).toArray(CompletableFuture[]::new));
    }

    /** One word or a short phrase for {@code /health}: {@code up}, or what is wrong. */
    String status();
}
