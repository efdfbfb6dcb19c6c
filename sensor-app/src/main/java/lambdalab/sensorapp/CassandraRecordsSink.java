package lambdalab.sensorapp;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import lambdalab.course.lambdaplus.PlusSchema;
import lambdalab.course.lambdaplus.SensorReading;

/**
 * Writes readings to {@code lambda_plus.records} with one prepared INSERT, asynchronously. The row's
 * key is (bucket, sensor, ts): a retried reading overwrites its own row, so retries never double count.
 */
public final class CassandraRecordsSink implements RecordsSink {

    private final CqlSession session;
    private final PreparedStatement insert;
    private final Duration timeout;

    /** Prepares the INSERT now: the table must exist ({@code PlusSchema.create}). */
    public CassandraRecordsSink(CqlSession session, Duration timeout) {
        this.session = session;
        this.timeout = timeout;
        this.insert = session.prepare("INSERT INTO " + PlusSchema.KEYSPACE + "." + PlusSchema.RECORDS
                + " (time_bucket, sensor_id, ts, data) VALUES (?, ?, ?, ?)");
    }

    @Override
    public CompletableFuture<Void> write(SensorReading reading) {
        try {
            return session.executeAsync(insert.bind(reading.timeBucket(), reading.sensorId(),
                            Instant.ofEpochMilli(reading.ts()), reading.value()).setTimeout(timeout))
                    .toCompletableFuture().thenApply(rows -> null);
        } catch (RuntimeException e) { // e.g. the session was closed
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public String status() {
        if (session.isClosed()) {
            return "closed";
        }
        long up = session.getMetadata().getNodes().values().stream()
                .filter(node -> node.getState() == com.datastax.oss.driver.api.core.metadata.NodeState.UP).count();
        return up > 0 ? "up" : "no node up";
    }
}
