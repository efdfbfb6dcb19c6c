package lambdalab.course.exercises.lambdaplus;

import java.io.Serializable;
import java.util.List;
import lambdalab.course.lambdaplus.Rollup;

/**
 * Exercise 09.mergeable-average: the average of every reading some bucket rollups hold together (the
 * dashboard's point for one second is made of that second's ten 100 ms buckets).
 */
@FunctionalInterface
public interface AverageMerge extends Serializable {

    /** The average of all the readings of {@code buckets}; {@code Double.NaN} when they hold none. */
    double average(List<Rollup> buckets);
}
