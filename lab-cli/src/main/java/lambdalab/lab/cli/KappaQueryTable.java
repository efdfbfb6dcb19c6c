package lambdalab.lab.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.kappa.KappaVersion;
import lambdalab.course.kappa.KappaViews;
import lambdalab.course.sketches.VisitorSketches;

/**
 * What {@code lab query --kappa} prints: the current Kappa version's rows for the last hours (one
 * view, nothing to merge: Kappa has no batch layer) and per-product totals, visitors as the union
 * of the hours' sketches; or the same as JSON.
 */
final class KappaQueryTable {

    private KappaQueryTable() {
    }

    /** The rows of the last {@code hours} hours (counting back from the view's newest hour), newest first. */
    static List<KappaViews.ViewRow> lastHours(List<KappaViews.ViewRow> all, Optional<String> product, int hours) {
        long newest = all.stream().mapToLong(row -> row.key().timestampHour()).max().orElse(0);
        long oldest = newest - (hours - 1) * ClickEvent.HOUR_MS;
        return all.stream().filter(row -> row.key().timestampHour() >= oldest)
                .filter(row -> product.map(p -> p.equals(row.key().product())).orElse(true))
                .sorted(Comparator.comparing((KappaViews.ViewRow row) -> row.key().product())
                        .thenComparing(row -> -row.key().timestampHour()))
                .toList();
    }

    static void print(PrintStream out, KappaVersion version, String change, List<KappaViews.ViewRow> rows, int hours) {
        out.println("Kappa view:       " + version + " (change " + change + "), the version kappa.view_versions points at");
        if (rows.isEmpty()) {
            out.println("No rows in " + version + " for these hours yet: is its job running (`./lab kappa status`)?");
            return;
        }
        out.println();
        out.printf(Locale.ROOT, "%-32s %-20s %9s %11s %10s %8s%n", "product", "hour", "purchases", "add_to_cart",
                "page_views", "visitors");
        for (KappaViews.ViewRow row : rows) {
            out.printf(Locale.ROOT, "%-32s %-20s %,9d %,11d %,10d %,8d%n", row.key().product(),
                    Instant.ofEpochMilli(row.key().timestampHour()), row.purchases(), row.addToCarts(), row.pageViews(),
                    row.uniqueVisitors());
        }
        out.println();
        out.printf(Locale.ROOT, "Totals over the last %d hour%s (unique visitors: the union of the hours' sketches)%n",
                hours, hours == 1 ? "" : "s");
        totals(rows).forEach((product, total) -> out.printf(Locale.ROOT, "%-32s %,9d %,11d %,10d %,8d%n", product,
                total.get(0), total.get(1), total.get(2), total.get(3)));
    }

    static Map<String, Object> asJson(KappaVersion version, String change, List<KappaViews.ViewRow> rows) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", version.number());
        root.put("change", change);
        List<Map<String, Object>> list = new ArrayList<>();
        for (KappaViews.ViewRow row : rows) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("product", row.key().product());
            item.put("timestampHour", row.key().timestampHour());
            item.put("purchaseCount", row.purchases());
            item.put("addToCartCount", row.addToCarts());
            item.put("pageViewCount", row.pageViews());
            item.put("uniqueVisitors", row.uniqueVisitors());
            list.add(item);
        }
        root.put("rows", list);
        return root;
    }

    /** Per product: purchases, add-to-carts, page views, and the visitors of the union of its sketches. */
    private static Map<String, List<Long>> totals(List<KappaViews.ViewRow> rows) {
        Map<String, List<KappaViews.ViewRow>> byProduct = new TreeMap<>();
        rows.forEach(row -> byProduct.computeIfAbsent(row.key().product(), p -> new ArrayList<>()).add(row));
        Map<String, List<Long>> totals = new LinkedHashMap<>();
        byProduct.forEach((product, hours) -> totals.put(product, List.of(
                hours.stream().mapToLong(KappaViews.ViewRow::purchases).sum(),
                hours.stream().mapToLong(KappaViews.ViewRow::addToCarts).sum(),
                hours.stream().mapToLong(KappaViews.ViewRow::pageViews).sum(),
                VisitorSketches.estimate(VisitorSketches.union(hours.stream().map(KappaViews.ViewRow::visitorsSketch)
                        .toList())))));
        return totals;
    }
}
