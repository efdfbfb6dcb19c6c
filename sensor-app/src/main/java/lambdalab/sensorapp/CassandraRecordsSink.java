package lambdalab.sensorapp;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import lambdalab.course.lambdaplus.PlusSchema;
import lambdalab.course.lambdaplus.SensorReading;

/**
 * Writes readings to {@code lambda_plus.records} with one prepared INSERT, asynchronously. The row's
 * key is (bucket, sensor, ts): a retried reading overwrites its own row, so retries never double count.
 */
public final class CassandraRecordsSink implements RecordsSink {

    /** About 60 bytes a row: 80 rows stay under Cassandra's batch size warning (5 KB). */
    static final int ROWS_PER_BATCH = 80;

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
            return session.executeAsync(bind(reading).setTimeout(timeout))
                    .toCompletableFuture().thenApply(rows -> null);
        } catch (RuntimeException e) { // e.g. the session was closed
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * One unlogged batch per partition: Cassandra applies it as one mutation of that partition, one
     * round trip instead of one per row (several times the rows per second of single inserts here).
     * At most {@link #ROWS_PER_BATCH} rows each, under Cassandra's batch size warning (5 KB).
     */
    @Override
    public CompletableFuture<Void> writePartition(List<SensorReading> sameBucket) {
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        try {
            for (int start = 0; start < sameBucket.size(); start += ROWS_PER_BATCH) {
                BatchStatementBuilder batch = BatchStatement.builder(BatchType.UNLOGGED).setTimeout(timeout);
                for (SensorReading reading : sameBucket.subList(start, Math.min(sameBucket.size(), start + ROWS_PER_BATCH))) {
                    batch.addStatement(bind(reading));
                }
                writes.add(session.executeAsync(batch.build()).toCompletableFuture().thenApply(rows -> null));
            }
        } catch (RuntimeException e) { // e.g. the session was closed
            writes.add(CompletableFuture.failedFuture(e));
        }
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
    }

    private BoundStatement bind(SensorReading reading) {
        return insert.bind(reading.timeBucket(), reading.sensorId(), Instant.ofEpochMilli(reading.ts()), reading.value());
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
