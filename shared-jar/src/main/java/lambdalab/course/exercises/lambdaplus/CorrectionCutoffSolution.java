package lambdalab.course.exercises.lambdaplus;

import lambdalab.course.lambdaplus.TimeBuckets;

/**
 * The reference solution of {@link CorrectionCutoff}, the one the batch job runs: the bucket that
 * holds the moment {@code now - horizon}. Every bucket before it is complete and older than the
 * horizon; that one still has readings younger than the horizon, so it is left with the later ones.
 */
public final class CorrectionCutoffSolution implements CorrectionCutoff {

    @Override
    public long cutoff(long nowMillis, long horizonMillis) {
        return TimeBuckets.bucketOf(nowMillis - horizonMillis);
    }
}
