package lambdalab.sensorapp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lambdalab.course.exercises.lambdaplus.AverageMerge;
import lambdalab.course.exercises.lambdaplus.AverageMergeSolution;
import lambdalab.course.lambdaplus.PlusSchema;
import lambdalab.course.lambdaplus.Rollup;
import lambdalab.course.lambdaplus.TimeBuckets;

/**
 * Turns bucket rollup rows (100 ms each) into the dashboard's per-second points by merging rollups:
 * ten buckets of one second merge into one, whose average is the sum of their sums over the sum of
 * their counts. Pure, so the merge is tested without a Cassandra.
 */
public final class RollupSeries {

    /** A bucket rollup row as read: its bucket (epoch ms), its rollup, and who wrote it. */
    public record BucketRow(long timeBucket, Rollup rollup, String writtenBy) {
    }

    /** Exercise 09.mergeable-average's reference solution: a second's average is not the average of its buckets'. */
    private static final AverageMerge AVERAGE = new AverageMergeSolution();

    private RollupSeries() {
    }

    public static DashboardData.BucketSeries perSecond(List<BucketRow> rows) {
        Map<Long, List<Rollup>> seconds = new TreeMap<>();
        Map<String, Long> writtenBy = new LinkedHashMap<>();
        writtenBy.put(PlusSchema.BY_SPEED, 0L);
        writtenBy.put(PlusSchema.BY_BATCH, 0L);
        Long newest = null;
        for (BucketRow row : rows) {
            writtenBy.merge(row.writtenBy() == null ? "unknown" : row.writtenBy(), 1L, Long::sum);
            newest = newest == null ? row.timeBucket() : Math.max(newest, row.timeBucket());
            if (!row.rollup().isEmpty()) {
                seconds.computeIfAbsent(TimeBuckets.secondOf(row.timeBucket()), second -> new ArrayList<>())
                        .add(row.rollup());
            }
        }
        List<DashboardData.SecondPoint> points = new ArrayList<>(seconds.size());
        seconds.forEach((second, buckets) -> {
            Rollup merged = buckets.stream().reduce(Rollup.EMPTY, Rollup::merge);
            points.add(new DashboardData.SecondPoint(second, merged.count(), AVERAGE.average(buckets), merged.min(),
                    merged.max()));
        });
        return new DashboardData.BucketSeries(points, rows.size(), newest, writtenBy);
    }
}
