package lambdalab.exercises.lambdaplus;

import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.lambdaplus.TimeBucketing;

/**
 * Exercise 09.time-bucket (note 09, "Lambda+"): the 100 ms bucket a reading belongs to. Run
 * TimeBucketingExerciseTest to check it; the hints are in the note, the solution in the shared jar
 * (TimeBucketingSolution).
 */
public class TimeBucketingExercise implements TimeBucketing {

    @Override
    public long bucketOf(long epochMillis) {
        throw new MissingSolutionException();
    }
}
