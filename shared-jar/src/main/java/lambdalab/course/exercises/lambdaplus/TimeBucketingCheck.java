package lambdalab.course.exercises.lambdaplus;

import lambdalab.course.exercises.Check;
import lambdalab.course.exercises.WrongAnswer;

/**
 * Checks a {@link TimeBucketing} on a bucket's first, middle and last millisecond and the next
 * bucket's first; each usual mistake is named: the bucket's number instead of its start, rounding
 * to the nearest or up, buckets of another size.
 */
public final class TimeBucketingCheck implements Check<TimeBucketing> {

    /** 2025-12-02T21:13:20.100Z: a bucket's first millisecond. */
    private static final long START = 1_764_710_000_100L;

    @Override
    public String verify(TimeBucketing attempt) {
        for (long offset : new long[] {0, 37, 60, 99, 100}) {
            long ts = START + offset;
            long expected = START + (offset / 100) * 100;
            long got = attempt.bucketOf(ts);
            if (got != expected) {
                throw new WrongAnswer(diagnose(ts, expected, got));
            }
        }
        return "a bucket's first, middle and last millisecond, and the next bucket's first";
    }

    private static String diagnose(long ts, long expected, long got) {
        String seen = "a reading at " + ts + " got " + got + ", not " + expected + ": ";
        if (got == ts / 100 || got == Math.round(ts / 100.0)) {
            return seen + "that is the bucket's number (ts / 100), not its first millisecond; multiply back by 100 so "
                    + "that the records' time_bucket, the rollups' and a reading's ts compare in one unit";
        }
        if (got == expected + 100) {
            return seen + "it went to the next bucket (rounded to the nearest or up). A bucket holds the readings from "
                    + "its first millisecond to just before the next one's: round down";
        }
        if (got % 100 != 0) {
            return seen + "that is no bucket start (a multiple of 100 ms)";
        }
        if (got % 1000 == 0 && expected % 1000 != 0) {
            return seen + "those are buckets of a second; Lambda+ rolls up per 100 ms (the dashboard merges ten of them "
                    + "into a second)";
        }
        return seen + "the bucket is the multiple of 100 at or just below the time";
    }
}
