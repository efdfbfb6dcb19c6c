package lambdalab.course.lambdaplus;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the Lambda+ tables back with plain CQL (tests, drills, the course's notes): the bucket rollups
 * of a time range and every sensor rollup, in the shapes {@link SensorTruth} holds.
 */
public final class RollupTables {

    /** A bucket rollup row: its value and which layer wrote it ({@link PlusSchema#BY_SPEED} or {@link PlusSchema#BY_BATCH}). */
    public record StoredBucket(Rollup rollup, String writtenBy) {
    }

    private final CqlSession session;

    public RollupTables(CqlSession session) {
        this.session = session;
    }

    /** The bucket rows from {@code fromMs} (inclusive) to {@code toMs} (exclusive), by bucket. */
    public Map<Long, StoredBucket> buckets(long fromMs, long toMs) {
        PreparedStatement select = session.prepare("SELECT time_bucket, count, sum_micros, min, max, written_by FROM "
                + PlusSchema.KEYSPACE + "." + PlusSchema.BUCKET_ROLLUPS
                + " WHERE minute = ? AND time_bucket >= ? AND time_bucket < ?");
        Map<Long, StoredBucket> buckets = new TreeMap<>();
        for (long minute = TimeBuckets.minuteOf(fromMs); minute < toMs; minute += TimeBuckets.MINUTE_MS) {
            for (Row row : session.execute(select.bind(minute, fromMs, toMs))) {
                buckets.put(row.getLong("time_bucket"), new StoredBucket(new Rollup(row.getLong("count"),
                        row.getLong("sum_micros"), row.getDouble("min"), row.getDouble("max")), row.getString("written_by")));
            }
        }
        return buckets;
    }

    /** Every sensor rollup, by sensor. */
    public Map<Integer, SensorRollup> sensors() {
        Map<Integer, SensorRollup> sensors = new TreeMap<>();
        for (Row row : session.execute("SELECT sensor_id, last_reading, last_ts, count, sum_micros, min, max FROM "
                + PlusSchema.KEYSPACE + "." + PlusSchema.SENSOR_ROLLUPS)) {
            sensors.put(row.getInt("sensor_id"), new SensorRollup(new Rollup(row.getLong("count"),
                    row.getLong("sum_micros"), row.getDouble("min"), row.getDouble("max")),
                    row.getDouble("last_reading"), row.getInstant("last_ts").toEpochMilli()));
        }
        return sensors;
    }

    /** How many records rows the buckets from {@code fromMs} to {@code toMs} hold (one partition per bucket). */
    public long records(long fromMs, long toMs) {
        PreparedStatement count = session.prepare("SELECT count(*) FROM " + PlusSchema.KEYSPACE + "."
                + PlusSchema.RECORDS + " WHERE time_bucket = ?");
        long total = 0;
        for (long bucket = TimeBuckets.bucketOf(fromMs); bucket < toMs; bucket += TimeBuckets.BUCKET_MS) {
            total += session.execute(count.bind(bucket)).one().getLong(0);
        }
        return total;
    }
}
