package lambdalab.course.exercises.lambdaplus;

/**
 * The reference solution of {@link TimeBucketing}, the one {@link lambdalab.course.lambdaplus.TimeBuckets}
 * uses: round down to a multiple of 100. {@code Math.floorDiv} rounds down for any sign; the
 * {@code /} operator rounds towards zero, which differs only before 1970.
 */
public final class TimeBucketingSolution implements TimeBucketing {

    static final long BUCKET_MS = 100;

    @Override
    public long bucketOf(long epochMillis) {
        return Math.floorDiv(epochMillis, BUCKET_MS) * BUCKET_MS;
    }
}
