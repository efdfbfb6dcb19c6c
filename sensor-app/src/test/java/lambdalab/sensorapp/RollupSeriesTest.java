package lambdalab.sensorapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lambdalab.course.lambdaplus.Rollup;
import org.junit.jupiter.api.Test;

class RollupSeriesTest {

    @Test
    void mergesBucketsPerSecondWithTheMergedAverage() {
        // second 1000: one reading of 1.0 and three summing to 9.0: avg 2.5, not (1 + 3) / 2 = 2
        DashboardData.BucketSeries series = RollupSeries.perSecond(List.of(
                new RollupSeries.BucketRow(2_000, Rollup.of(7), "batch"),
                new RollupSeries.BucketRow(1_100, Rollup.of(1), "speed"),
                new RollupSeries.BucketRow(1_900, Rollup.of(2).add(3).add(4), "speed")));
        assertThat(series.seconds()).containsExactly(
                new DashboardData.SecondPoint(1_000, 4, 2.5, 1, 4),
                new DashboardData.SecondPoint(2_000, 1, 7, 7, 7));
        assertThat(series.buckets()).isEqualTo(3);
        assertThat(series.newestBucket()).isEqualTo(2_000);
        assertThat(series.writtenBy()).containsEntry("speed", 2L).containsEntry("batch", 1L);
    }

    @Test
    void noRowsNoPoints() {
        DashboardData.BucketSeries series = RollupSeries.perSecond(List.of());
        assertThat(series.seconds()).isEmpty();
        assertThat(series.newestBucket()).isNull();
        assertThat(series.writtenBy()).containsEntry("speed", 0L).containsEntry("batch", 0L);
    }
}
