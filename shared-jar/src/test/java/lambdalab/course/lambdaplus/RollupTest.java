package lambdalab.course.lambdaplus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RollupTest {

    @Test
    void theAverageOfTwoBucketsIsTheirSumOverTheirCountNotTheAverageOfTheirAverages() {
        Rollup one = Rollup.of(10);
        Rollup three = Rollup.of(20).add(20).add(20);
        Rollup both = one.merge(three);
        assertThat(both.avg()).isEqualTo(17.5);
        assertThat((one.avg() + three.avg()) / 2).as("the trap").isEqualTo(15.0);
        assertThat(both.count()).isEqualTo(4);
        assertThat(both.min()).isEqualTo(10);
        assertThat(both.max()).isEqualTo(20);
    }

    @Test
    void anyOrderOfMergingGivesTheIdenticalRollup() {
        Random random = new Random(3);
        List<Double> readings = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            readings.add(Math.round(random.nextGaussian() * 1e6) / 1000.0);
        }
        Rollup inOrder = readings.stream().map(Rollup::of).reduce(Rollup.EMPTY, Rollup::merge);
        Collections.shuffle(readings, random);
        // split in uneven parts, merged in another order: what two jobs or two runs of one job do
        Rollup first = readings.subList(0, 3_333).stream().map(Rollup::of).reduce(Rollup.EMPTY, Rollup::merge);
        Rollup second = readings.subList(3_333, 10_000).stream().map(Rollup::of).reduce(Rollup.EMPTY, Rollup::merge);
        assertThat(second.merge(first)).isEqualTo(inOrder);
        double doubles = readings.stream().mapToDouble(Double::doubleValue).sum();
        assertThat(inOrder.sum()).isCloseTo(doubles, org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void theEmptyRollupIsNeutral() {
        Rollup some = Rollup.of(-2.5).add(4);
        assertThat(Rollup.EMPTY.merge(some)).isEqualTo(some);
        assertThat(some.merge(Rollup.EMPTY)).isEqualTo(some);
        assertThat(Rollup.EMPTY.avg()).isNaN();
    }

    @Test
    void sumsAreKeptInMicroUnits() {
        assertThat(Rollup.of(21.375).sumMicros()).isEqualTo(21_375_000L);
        assertThat(Rollup.of(-0.0000015).sumMicros()).isEqualTo(-1L);
    }
}
