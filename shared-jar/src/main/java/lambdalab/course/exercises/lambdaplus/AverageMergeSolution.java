package lambdalab.course.exercises.lambdaplus;

import java.util.List;
import lambdalab.course.lambdaplus.Rollup;

/**
 * The reference solution of {@link AverageMerge}, the one the dashboard's per-second chart uses: merge
 * the rollups (sums add, counts add) and divide once. Averaging the averages would weigh a bucket of
 * one reading as much as one of a hundred.
 */
public final class AverageMergeSolution implements AverageMerge {

    @Override
    public double average(List<Rollup> buckets) {
        return buckets.stream().reduce(Rollup.EMPTY, Rollup::merge).avg();
    }
}
