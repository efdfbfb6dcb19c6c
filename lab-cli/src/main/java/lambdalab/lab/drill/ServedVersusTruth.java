package lambdalab.lab.drill;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import lambdalab.course.clickstream.HourlyActivity;
import lambdalab.course.clickstream.ProductHour;
import lambdalab.course.serving.ServedRow;
import lambdalab.course.views.TruthComparison;

/** What the serving layer answered against the generator's truth, one line per (product, hour) that differs. */
final class ServedVersusTruth {

    private ServedVersusTruth() {
    }

    /** {@link TruthComparison}'s rule; each line names the layer its row was served from. */
    static List<String> mismatches(List<ServedRow> served, SortedMap<ProductHour, HourlyActivity> truth) {
        Map<ProductHour, String> layers = new HashMap<>();
        List<HourlyActivity> rows = served.stream().map(row -> {
            layers.put(row.key(), " from " + row.layer());
            return new HourlyActivity(row.key(), row.purchaseCount(), row.addToCartCount(), row.pageViewCount(),
                    row.uniqueVisitors());
        }).toList();
        return TruthComparison.differences(rows, truth, key -> layers.getOrDefault(key, ""));
    }
}
