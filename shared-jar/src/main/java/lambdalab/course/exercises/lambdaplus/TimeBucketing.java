package lambdalab.course.exercises.lambdaplus;

import java.io.Serializable;

/**
 * Exercise 09.time-bucket: the 100 ms time bucket a reading belongs to, named by the bucket's first
 * millisecond. The app server files each record under it, the speed and batch jobs roll readings up
 * by it: every part of Lambda+ must agree on it to the millisecond.
 */
@FunctionalInterface
public interface TimeBucketing extends Serializable {

    /** The first millisecond of the 100 ms bucket that {@code epochMillis} (0 or later) lies in. */
    long bucketOf(long epochMillis);
}
