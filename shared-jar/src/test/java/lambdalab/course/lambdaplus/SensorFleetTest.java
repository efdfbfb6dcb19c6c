package lambdalab.course.lambdaplus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SensorFleetTest {

    @Test
    void theSameSeedGivesTheSameReadingsWhateverTheDropRate() {
        List<Double> first = values(new SensorFleet(5, 10), 0);
        List<Double> second = values(new SensorFleet(5, 10), 0.5);
        assertThat(second).isEqualTo(first);
        assertThat(values(new SensorFleet(6, 10), 0)).isNotEqualTo(first);
    }

    @Test
    void sensorsTakeTurnsAndKeepTheirTimesUniqueOnAStoppedClock() {
        SensorFleet fleet = new SensorFleet(1, 3);
        Set<String> identities = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            SensorReading reading = fleet.next(1_000);
            assertThat(reading.sensorId()).isEqualTo(i % 3);
            assertThat(identities.add(reading.sensorId() + "@" + reading.ts())).isTrue();
        }
    }

    @Test
    void theTruthCountsLostReadingsInTheBucketsButNotInTheSpeedBuckets() {
        SensorTruth truth = new SensorTruth();
        truth.add(new SensorReading(1, 10, 1_000), false);
        truth.add(new SensorReading(2, 30, 1_050), true);
        truth.add(new SensorReading(1, 20, 1_200), false);
        assertThat(truth.buckets().get(1_000L)).isEqualTo(Rollup.of(10).add(30));
        assertThat(truth.speedBuckets().get(1_000L)).isEqualTo(Rollup.of(10));
        assertThat(truth.sensors().get(1)).isEqualTo(new SensorRollup(Rollup.of(10).add(20), 20, 1_200));
        assertThat(truth.dropped()).isEqualTo(1);
    }

    @Test
    void aSensorRollupKeepsTheNewestReadingInAnyMergeOrder() {
        SensorRollup old = SensorRollup.of(new SensorReading(1, 5, 100));
        SensorRollup recent = SensorRollup.of(new SensorReading(1, 7, 200));
        assertThat(old.merge(recent)).isEqualTo(recent.merge(old));
        assertThat(old.merge(recent).lastReading()).isEqualTo(7);
    }

    private static List<Double> values(SensorFleet fleet, double dropRate) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            values.add(fleet.next(i).value());
            fleet.dropNext(dropRate);
        }
        return values;
    }
}
