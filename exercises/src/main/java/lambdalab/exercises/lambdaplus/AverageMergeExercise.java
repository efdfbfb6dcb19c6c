package lambdalab.exercises.lambdaplus;

import java.util.List;
import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.lambdaplus.AverageMerge;
import lambdalab.course.lambdaplus.Rollup;

/**
 * Exercise 09.mergeable-average (note 09, "Lambda+"): the average of several buckets' readings. Run
 * AverageMergeExerciseTest to check it; the hints are in the note, the solution in the shared jar
 * (AverageMergeSolution).
 */
public class AverageMergeExercise implements AverageMerge {

    @Override
    public double average(List<Rollup> buckets) {
        throw new MissingSolutionException();
    }
}
