package lambdalab.course.lambdaplus;

import lambdalab.course.exercises.lambdaplus.TimeBucketing;
import lambdalab.course.exercises.lambdaplus.TimeBucketingSolution;

/**
 * Lambda+ groups readings in 100 ms time buckets, named by their first millisecond. Rollup tables
 * are partitioned by minute so that "the last few minutes" is a read of a few partitions, not a scan.
 */
public final class TimeBuckets {

    public static final long BUCKET_MS = 100;
    public static final long MINUTE_MS = 60_000;

    private TimeBuckets() {
    }

    /** Exercise 09.time-bucket's reference solution: the app server and both jobs file readings by it. */
    private static final TimeBucketing BUCKETING = new TimeBucketingSolution();

    public static long bucketOf(long epochMillis) {
        return BUCKETING.bucketOf(epochMillis);
    }

    /** The minute (its first millisecond) a bucket lies in: the partition key of the rollups. */
    public static long minuteOf(long epochMillis) {
        return Math.floorDiv(epochMillis, MINUTE_MS) * MINUTE_MS;
    }

    /** The second (its first millisecond) a bucket lies in: the dashboard's chart points. */
    public static long secondOf(long epochMillis) {
        return Math.floorDiv(epochMillis, 1000) * 1000;
    }

    /** Whether the whole bucket lies before {@code cutoff} (every reading of it is older). */
    public static boolean endsBefore(long bucket, long cutoff) {
        return bucket + BUCKET_MS <= cutoff;
    }

}
