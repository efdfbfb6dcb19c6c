package lambdalab.course.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeMap;
import lambdalab.course.clickstream.HourlyActivity;
import lambdalab.course.clickstream.ProductHour;
import org.junit.jupiter.api.Test;

class TruthComparisonTest {

    private static final ProductHour A = new ProductHour("Brand,A", 0);
    private static final ProductHour B = new ProductHour("Brand,B", 0);
    private static final TreeMap<ProductHour, HourlyActivity> TRUTH = new TreeMap<>();

    static {
        TRUTH.put(A, new HourlyActivity(A, 1, 2, 30, 1000));
        TRUTH.put(B, new HourlyActivity(B, 0, 1, 4, 5));
    }

    @Test
    void theTruthItselfIsEqualAndAnEstimateWithinTheSketchErrorToo() {
        var view = List.of(new HourlyActivity(A, 1, 2, 30, 1020), TRUTH.get(B));
        assertThat(TruthComparison.differences(view, TRUTH)).isEmpty();
        assertThat(TruthComparison.summary(List.of(), TRUTH.size())).isEqualTo("EQUAL: 2 (product, hour) rows");
    }

    @Test
    void namesEachDifferingRowAndHow() {
        var view = List.of(new HourlyActivity(A, 2, 4, 60, 1000), new HourlyActivity(new ProductHour("Brand,C", 0), 1, 0, 0, 1));
        List<String> differences = TruthComparison.differences(view, TRUTH, key -> " from speed");
        assertThat(differences).containsExactly(
                "Brand,A 1970-01-01T00:00:00Z from speed: 2/4/60 (purchases/carts/views), truth 1/2/30 (purchases/carts/views): "
                        + "exactly twice, events counted again",
                "Brand,B 1970-01-01T00:00:00Z: missing (the truth has 5 events)",
                "Brand,C 1970-01-01T00:00:00Z from speed: a row, but the truth has no event in it");
        assertThat(TruthComparison.summary(differences, TRUTH.size())).startsWith("DIFFERENT: 3 of 2 (product, hour) rows differ");
    }

    @Test
    void visitorsBeyondFiveStandardErrorsDiffer() {
        var view = List.of(new HourlyActivity(A, 1, 2, 30, 1100), TRUTH.get(B));
        assertThat(TruthComparison.differences(view, TRUTH)).singleElement().asString().contains("1100 unique visitors, truth 1000");
    }
}
