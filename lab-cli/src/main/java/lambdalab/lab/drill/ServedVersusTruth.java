package lambdalab.lab.drill;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import lambdalab.course.clickstream.HourlyActivity;
import lambdalab.course.clickstream.ProductHour;
import lambdalab.course.serving.ServedRow;

/** What the serving layer answered against the generator's truth, one line per (product, hour) that differs. */
final class ServedVersusTruth {

    private ServedVersusTruth() {
    }

    /**
     * Counts must be exact; unique visitors within five standard errors of the sketch (plus one).
     * A (product, hour) missing on either side is a difference too.
     */
    static List<String> mismatches(List<ServedRow> served, SortedMap<ProductHour, HourlyActivity> truth,
                                   double relativeStandardError) {
        Map<ProductHour, ServedRow> byKey = new HashMap<>();
        served.forEach(row -> byKey.put(row.key(), row));
        List<String> differences = new ArrayList<>();
        for (HourlyActivity expected : truth.values()) {
            ServedRow row = byKey.remove(expected.key());
            if (row == null) {
                differences.add(expected.key() + ": not served (truth has " + expected.totalEvents() + " events)");
            } else if (row.purchaseCount() != expected.purchaseCount() || row.addToCartCount() != expected.addToCartCount()
                    || row.pageViewCount() != expected.pageViewCount()) {
                differences.add(expected.key() + " from " + row.layer() + ": served " + row.purchaseCount() + "/"
                        + row.addToCartCount() + "/" + row.pageViewCount() + ", truth " + expected.purchaseCount() + "/"
                        + expected.addToCartCount() + "/" + expected.pageViewCount() + " (purchases/carts/views)");
            } else if (Math.abs(row.uniqueVisitors() - expected.uniqueVisitors())
                    > 5 * relativeStandardError * expected.uniqueVisitors() + 1) {
                differences.add(expected.key() + " from " + row.layer() + ": " + row.uniqueVisitors()
                        + " visitors, truth " + expected.uniqueVisitors());
            }
        }
        byKey.keySet().forEach(key -> differences.add(key + ": served, but no event of the drill is in it"));
        return differences;
    }
}
