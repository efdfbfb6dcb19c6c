package lambdalab.sensorapp;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard shows, as JSON-ready records: the server reads Cassandra, the page never does.
 * An interface so the HTTP tests can serve canned data without a Cassandra.
 */
public interface DashboardData {

    /** Per-second points of the last {@code minutes} minutes of bucket rollups. */
    BucketSeries bucketRollups(int minutes);

    /** Every row of {@code sensor_rollups}, by sensor id. */
    List<SensorRow> sensorRollups();

    /** How current each layer is. */
    Freshness freshness();

    /**
     * One second of the chart: the merge of its buckets' rollups (the average is the merged sum over the
     * merged count, not an average of the buckets' averages).
     */
    record SecondPoint(long second, long count, double avg, double min, double max) {
    }

    /**
     * @param seconds      the points, oldest first
     * @param buckets      how many bucket rows they merge
     * @param newestBucket the newest bucket's start (epoch ms), or null when there is none
     * @param writtenBy    how many of the bucket rows each layer wrote ({@code speed}, {@code batch})
     */
    record BucketSeries(List<SecondPoint> seconds, int buckets, Long newestBucket, Map<String, Long> writtenBy) {
    }

    /** A row of {@code sensor_rollups}; times are epoch ms, absent values null. */
    record SensorRow(@JsonProperty("sensor_id") int sensorId,
                     @JsonProperty("last_reading") Double lastReading,
                     @JsonProperty("last_ts") Long lastTs,
                     @JsonProperty("count") long count,
                     @JsonProperty("avg") Double avg,
                     @JsonProperty("min") Double min,
                     @JsonProperty("max") Double max,
                     @JsonProperty("written_at") Long writtenAt) {
    }

    /**
     * @param now   the server's clock when it answered (epoch ms)
     * @param speed the newest bucket rollup of the last two minutes
     * @param batch every batch job's last run
     */
    record Freshness(long now, SpeedFreshness speed, List<BatchRun> batch) {
    }

    /** The newest bucket (epoch ms) and its age, both null when no bucket of the last two minutes exists. */
    record SpeedFreshness(Long newestBucket, Long ageMs, String writtenBy) {
    }

    /** A row of {@code batch_runs}: its cutoff and finish (epoch ms, or null) and their ages. */
    record BatchRun(String job, Long cutoff, Long cutoffAgeMs, Long finishedAt, Long finishedAgeMs) {
    }
}
