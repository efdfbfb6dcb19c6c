package lambdalab.course.sketches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.junit.jupiter.api.Test;

class VisitorSketchesTest {

    /** 1.04 / sqrt(2^12): the relative standard error of a sketch with lgK 12, about 1.6%. */
    private static final double RSE = 1.04 / Math.sqrt(1 << 12);

    @Test
    void theUnionOfOverlappingVisitorSetsEstimatesTheirDistinctCountNotTheSum() {
        byte[] first = sparkLike(0, 60_000);
        byte[] second = sparkLike(40_000, 100_000);

        long union = VisitorSketches.estimate(VisitorSketches.union(List.of(first, second)));
        long sumOfEstimates = VisitorSketches.estimate(first) + VisitorSketches.estimate(second);

        assertThat((double) union).isCloseTo(100_000, within(3 * RSE * 100_000));
        assertThat((double) sumOfEstimates).isCloseTo(120_000, within(3 * RSE * 120_000));
        assertThat(union).isLessThan(sumOfEstimates - 10_000);
    }

    @Test
    void theEstimateOfOneSketchIsWithinThreeStandardErrors() {
        assertThat((double) VisitorSketches.estimate(sparkLike(0, 25_000))).isCloseTo(25_000, within(3 * RSE * 25_000));
        // few visitors: the sketch still lists them exactly
        assertThat(VisitorSketches.estimate(sparkLike(0, 7))).isEqualTo(7);
    }

    @Test
    void nullAndEmptySketchesCountAsNoVisitors() {
        byte[] some = sparkLike(0, 1_000);
        assertThat(VisitorSketches.estimate(null)).isZero();
        assertThat(VisitorSketches.estimate(new byte[0])).isZero();
        assertThat(VisitorSketches.estimate(VisitorSketches.empty())).isZero();
        assertThat(VisitorSketches.estimate(VisitorSketches.union(List.of()))).isZero();
        assertThat(VisitorSketches.union(Arrays.asList(null, some, new byte[0], VisitorSketches.empty())))
                .isEqualTo(VisitorSketches.union(List.of(some)));
    }

    @Test
    void aVisitorInSeveralSketchesCountsOnce() {
        byte[] sketch = sparkLike(0, 5_000);
        long three = VisitorSketches.estimate(VisitorSketches.union(List.of(sketch, sketch, sketch)));
        assertThat((double) three).isCloseTo(5_000, within(3 * RSE * 5_000));
        // merging the same visitors again changes nothing (a merged sketch is estimated slightly
        // differently from one built in order, so compare merges with merges)
        assertThat(three).isEqualTo(VisitorSketches.estimate(VisitorSketches.union(List.of(sketch, sketch))));
    }

    @Test
    void theUnionIsInSparksFormatWhateverTheInputs() {
        HllSketch compact4 = new HllSketch(12, TgtHllType.HLL_4);
        IntStream.range(30_000, 50_000).forEach(i -> compact4.update("Visitor-" + i));

        byte[] union = VisitorSketches.union(List.of(sparkLike(0, 40_000), compact4.toCompactByteArray()));

        HllSketch result = HllSketch.heapify(union);
        assertThat(result.getTgtHllType()).isEqualTo(TgtHllType.HLL_8);
        assertThat(result.getLgConfigK()).isEqualTo(12);
        assertThat(result.isCompact()).isFalse();
        assertThat((double) result.getEstimate()).isCloseTo(50_000, within(3 * RSE * 50_000));
    }

    @Test
    void ofBuildsTheSketchOfTheVisitors() {
        List<String> visitors = IntStream.range(0, 3_000).mapToObj(i -> "Visitor-" + i).toList();
        assertThat(VisitorSketches.of(visitors)).isEqualTo(sparkLike(0, 3_000));
    }

    @Test
    void bytesThatAreNoSketchAreRefusedWithTheReason() {
        assertThatThrownBy(() -> VisitorSketches.estimate(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Not a DataSketches HLL sketch");
    }

    /** What Spark 3.5.1's hll_sketch_agg(visitor, 12) builds for visitors from..to-1 in one task. */
    private static byte[] sparkLike(int from, int to) {
        HllSketch sketch = new HllSketch(12, TgtHllType.HLL_8);
        IntStream.range(from, to).forEach(i -> sketch.update("Visitor-" + i));
        return sketch.toUpdatableByteArray();
    }
}
