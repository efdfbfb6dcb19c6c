package lambdalab.lab.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import lambdalab.course.serving.LayerWatermark;
import lambdalab.course.serving.ServedRow;
import lambdalab.course.serving.ServedTotal;
import lambdalab.course.serving.ServingResult;

/** What {@code lab query} prints: the watermarks, the served rows, the per-product totals; or the same as JSON. */
final class QueryTable {

    private static final String FALLBACK_MARK = "*";

    private QueryTable() {
    }

    static void print(PrintStream out, ServingResult result, Optional<String> product, int hours) {
        out.println("Batch watermark:  " + describe(result.batchWatermark(), "none: the batch layer has not run "
                + "(`./lab batch`), every hour comes from the speed layer"));
        out.println("Stream watermark: " + describe(result.streamWatermark(), "none recorded"));
        if (result.rows().isEmpty()) {
            out.println(product.map(p -> "No rows for product '" + p + "' in either layer. Names look like "
                            + "'Brand,Product'; leave out --product to see them all.")
                    .orElse("No rows in the serving views yet: run `./lab batch load` and `./lab batch`, "
                            + "or `./lab stream start`."));
            return;
        }
        int width = productWidth(result);
        out.println();
        printRows(out, result.rows(), width);
        out.println();
        out.printf(Locale.ROOT, "Totals over the last %d hour%s (unique visitors: the union of the hours' sketches, "
                + "not their sum)%n", hours, hours == 1 ? "" : "s");
        printTotals(out, result.totals(), width);
    }

    private static void printRows(PrintStream out, List<ServedRow> rows, int width) {
        String format = "%-" + width + "s  %-20s  %-7s %10s %12s %11s %9s%n";
        out.printf(Locale.ROOT, format, "PRODUCT", "HOUR (UTC)", "LAYER", "PURCHASES", "ADD_TO_CART", "PAGE_VIEWS",
                "VISITORS");
        for (ServedRow row : rows) {
            out.printf(Locale.ROOT, format, row.product(), Instant.ofEpochMilli(row.timestampHour()),
                    row.layer().key() + (row.fallback() ? FALLBACK_MARK : ""), row.purchaseCount(),
                    row.addToCartCount(), row.pageViewCount(), row.uniqueVisitors());
        }
        if (rows.stream().anyMatch(ServedRow::fallback)) {
            out.println(FALLBACK_MARK + " no row in the layer authoritative for this hour (batch up to its watermark, "
                    + "stream after it): the other layer's row is shown.");
        }
    }

    private static void printTotals(PrintStream out, List<ServedTotal> totals, int width) {
        String format = "%-" + width + "s  %5s %10s %12s %11s %9s%n";
        out.printf(Locale.ROOT, format, "PRODUCT", "HOURS", "PURCHASES", "ADD_TO_CART", "PAGE_VIEWS", "VISITORS");
        for (ServedTotal total : totals) {
            out.printf(Locale.ROOT, format, total.product(), total.hours(), total.purchaseCount(),
                    total.addToCartCount(), total.pageViewCount(), total.uniqueVisitors());
        }
    }

    private static String describe(Optional<LayerWatermark> watermark, String none) {
        return watermark.map(w -> Instant.ofEpochMilli(w.watermarkHour()) + String.format(Locale.ROOT,
                " (%,d events%s)", w.events(), w.updatedAt() == null ? "" : ", written " + w.updatedAt()))
                .orElse(none);
    }

    private static int productWidth(ServingResult result) {
        return Stream.concat(Stream.of("PRODUCT"), result.rows().stream().map(ServedRow::product))
                .mapToInt(String::length).max().orElse(7);
    }

    static Map<String, Object> asJson(ServingResult result, int hours) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("hours", hours);
        root.put("batchWatermark", result.batchWatermark().map(QueryTable::watermarkJson).orElse(null));
        root.put("streamWatermark", result.streamWatermark().map(QueryTable::watermarkJson).orElse(null));
        root.put("rows", result.rows().stream().map(QueryTable::rowJson).toList());
        root.put("totals", result.totals());
        return root;
    }

    private static Map<String, Object> watermarkJson(LayerWatermark watermark) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("hour", Instant.ofEpochMilli(watermark.watermarkHour()).toString());
        node.put("hourMs", watermark.watermarkHour());
        node.put("events", watermark.events());
        node.put("updatedAt", watermark.updatedAt() == null ? null : watermark.updatedAt().toString());
        return node;
    }

    /** The row without its sketch bytes. */
    private static Map<String, Object> rowJson(ServedRow row) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("product", row.product());
        node.put("hour", Instant.ofEpochMilli(row.timestampHour()).toString());
        node.put("hourMs", row.timestampHour());
        node.put("layer", row.layer().key());
        node.put("fallback", row.fallback());
        node.put("purchaseCount", row.purchaseCount());
        node.put("addToCartCount", row.addToCartCount());
        node.put("pageViewCount", row.pageViewCount());
        node.put("uniqueVisitors", row.uniqueVisitors());
        return node;
    }
}
