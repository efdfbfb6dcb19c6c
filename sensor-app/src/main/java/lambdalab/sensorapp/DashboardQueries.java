package lambdalab.sensorapp;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import lambdalab.course.lambdaplus.PlusSchema;
import lambdalab.course.lambdaplus.Rollup;
import lambdalab.course.lambdaplus.TimeBuckets;

/**
 * The dashboard's reads, plain CQL on {@code lambda_plus}. The rollups are partitioned by minute, so
 * "the last N minutes" is N+1 single-partition reads, never a scan; {@code sensor_rollups} and
 * {@code batch_runs} are small (one row per sensor, per job) and read whole.
 */
public final class DashboardQueries implements DashboardData {

    public static final int MAX_MINUTES = 30;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private final CqlSession session;
    private final Clock clock;
    private final PreparedStatement bucketsOfMinute;
    private final PreparedStatement newestOfMinute;
    private final PreparedStatement sensors;
    private final PreparedStatement batchRuns;

    public DashboardQueries(CqlSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
        String ks = PlusSchema.KEYSPACE + ".";
        this.bucketsOfMinute = session.prepare("SELECT time_bucket, count, sum_micros, min, max, written_by FROM "
                + ks + PlusSchema.BUCKET_ROLLUPS + " WHERE minute = ?");
        this.newestOfMinute = session.prepare("SELECT time_bucket, written_by FROM " + ks + PlusSchema.BUCKET_ROLLUPS
                + " WHERE minute = ? LIMIT 1");
        this.sensors = session.prepare("SELECT sensor_id, last_reading, last_ts, count, sum_micros, avg, min, max, "
                + "written_at FROM " + ks + PlusSchema.SENSOR_ROLLUPS);
        this.batchRuns = session.prepare("SELECT job, cutoff, finished_at FROM " + ks + PlusSchema.BATCH_RUNS);
    }

    @Override
    public BucketSeries bucketRollups(int minutes) {
        if (minutes < 1 || minutes > MAX_MINUTES) {
            throw new IllegalArgumentException("minutes must be from 1 to " + MAX_MINUTES + ", got " + minutes);
        }
        long now = clock.millis();
        long from = now - minutes * TimeBuckets.MINUTE_MS;
        List<RollupSeries.BucketRow> rows = new ArrayList<>();
        for (long minute = TimeBuckets.minuteOf(from); minute <= TimeBuckets.minuteOf(now);
                minute += TimeBuckets.MINUTE_MS) {
            for (Row row : session.execute(bucketsOfMinute.bind(minute).setTimeout(READ_TIMEOUT))) {
                long bucket = row.getLong("time_bucket");
                if (bucket < from || row.isNull("count") || row.isNull("sum_micros") || row.isNull("min")
                        || row.isNull("max")) {
                    continue;
                }
                rows.add(new RollupSeries.BucketRow(bucket, new Rollup(row.getLong("count"), row.getLong("sum_micros"),
                        row.getDouble("min"), row.getDouble("max")), row.getString("written_by")));
            }
        }
        return RollupSeries.perSecond(rows);
    }

    @Override
    public List<SensorRow> sensorRollups() {
        List<SensorRow> result = new ArrayList<>();
        for (Row row : session.execute(sensors.bind().setTimeout(READ_TIMEOUT))) {
            long count = row.getLong("count");
            Double avg = count > 0 && !row.isNull("sum_micros") ? row.getLong("sum_micros") / Rollup.MICROS / count
                    : doubleOrNull(row, "avg");
            result.add(new SensorRow(row.getInt("sensor_id"), doubleOrNull(row, "last_reading"),
                    millisOrNull(row, "last_ts"), count, finiteOrNull(avg), doubleOrNull(row, "min"),
                    doubleOrNull(row, "max"), millisOrNull(row, "written_at")));
        }
        result.sort(Comparator.comparingInt(SensorRow::sensorId));
        return result;
    }

    @Override
    public Freshness freshness() {
        long now = clock.millis();
        Long newest = null;
        String writtenBy = null;
        for (long minute = TimeBuckets.minuteOf(now); minute >= TimeBuckets.minuteOf(now) - TimeBuckets.MINUTE_MS
                && newest == null; minute -= TimeBuckets.MINUTE_MS) {
            Row row = session.execute(newestOfMinute.bind(minute).setTimeout(READ_TIMEOUT)).one();
            if (row != null) {
                newest = row.getLong("time_bucket");
                writtenBy = row.getString("written_by");
            }
        }
        List<BatchRun> runs = new ArrayList<>();
        for (Row row : session.execute(batchRuns.bind().setTimeout(READ_TIMEOUT))) {
            Long cutoff = millisOrNull(row, "cutoff");
            Long finished = millisOrNull(row, "finished_at");
            runs.add(new BatchRun(row.getString("job"), cutoff, cutoff == null ? null : now - cutoff, finished,
                    finished == null ? null : now - finished));
        }
        runs.sort(Comparator.comparing(BatchRun::job));
        return new Freshness(now, new SpeedFreshness(newest, newest == null ? null : now - newest, writtenBy), runs);
    }

    private static Double doubleOrNull(Row row, String column) {
        return row.isNull(column) ? null : finiteOrNull(row.getDouble(column));
    }

    /** JSON has no NaN or Infinity: a value that is not finite shows as absent. */
    private static Double finiteOrNull(Double value) {
        return value == null || !Double.isFinite(value) ? null : value;
    }

    private static Long millisOrNull(Row row, String column) {
        Instant instant = row.getInstant(column);
        return instant == null ? null : instant.toEpochMilli();
    }
}
