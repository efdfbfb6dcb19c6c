package lambdalab.course.lambdaplus;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Upserts whole bucket rollups into {@code lambda_plus.bucket_rollups} (the speed job's write). */
final class BucketRollupWriter {

    private final CqlSession session;
    private final PreparedStatement upsert;

    BucketRollupWriter(CqlSession session) {
        this.session = session;
        this.upsert = session.prepare("INSERT INTO " + PlusSchema.KEYSPACE + "." + PlusSchema.BUCKET_ROLLUPS
                + " (minute, time_bucket, count, sum_micros, min, max, avg, written_by, written_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    /** Writes the rows, grouped per minute partition (an unlogged batch per partition is one write). */
    void write(List<Map.Entry<Long, Rollup>> rows, String writtenBy) {
        Instant now = Instant.now();
        Map<Long, List<Map.Entry<Long, Rollup>>> byMinute = rows.stream()
                .collect(java.util.stream.Collectors.groupingBy(row -> TimeBuckets.minuteOf(row.getKey())));
        byMinute.forEach((minute, inMinute) -> {
            BatchStatementBuilder batch = BatchStatement.builder(BatchType.UNLOGGED);
            for (Map.Entry<Long, Rollup> row : inMinute) {
                Rollup rollup = row.getValue();
                batch.addStatement(upsert.bind(minute, row.getKey(), rollup.count(), rollup.sumMicros(),
                        rollup.min(), rollup.max(), rollup.avg(), writtenBy, now));
            }
            session.execute(batch.build());
        });
    }
}
