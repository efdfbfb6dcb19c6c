package lambdalab.lab.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lambdalab.course.serving.Layer;
import lambdalab.course.serving.LayerWatermark;
import lambdalab.course.serving.Reason;
import lambdalab.course.serving.ServedRow;
import lambdalab.course.serving.ServedTotal;
import lambdalab.course.serving.ServingResult;
import lambdalab.course.serving.SourceCoverage;

/**
 * What {@code lab query} prints: what the batch runs covered, the speed layer's watermark, the
 * served rows (each with its layer, why, and the sources its batch row holds), the per-product
 * totals; or the same as JSON.
 */
final class QueryTable {

    private QueryTable() {
    }

    static void print(PrintStream out, ServingResult result, Optional<String> product, int hours) {
        printCoverage(out, result.batchCoverage());
        out.println("Stream topic:     " + result.streamTopic() + " (setting stream.topic); watermark "
                + describe(result.streamWatermark()));
        if (result.rows().isEmpty()) {
            out.println(product.map(p -> "No rows for product '" + p + "' in either layer. Names look like "
                            + "'Brand,Product'; leave out --product to see them all.")
                    .orElse("No rows in the serving views yet: run `./lab batch load` and `./lab batch`, "
                            + "or `./lab stream start`."));
            return;
        }
        int width = productWidth(result);
        out.println();
        printRows(out, result, width);
        out.println();
        out.printf(Locale.ROOT, "Totals over the last %d hour%s (unique visitors: the union of the hours' sketches, "
                + "not their sum)%n", hours, hours == 1 ? "" : "s");
        printTotals(out, result.totals(), width);
    }

    private static void printCoverage(PrintStream out, List<SourceCoverage> coverage) {
        if (coverage.isEmpty()) {
            out.println("Batch coverage:   none: the batch layer has not run (`./lab batch`), every hour comes from "
                    + "the speed layer");
            return;
        }
        String label = "Batch coverage:   ";
        for (SourceCoverage source : coverage) {
            out.println(label + source.source() + String.format(Locale.ROOT, ": %,d hour%s, %,d complete", source.hours(),
                    source.hours() == 1 ? "" : "s", source.completeHours())
                    + (source.newestCompleteHour() == null ? "" : " (newest " + Instant.ofEpochMilli(source.newestCompleteHour()) + ")")
                    + (source.lastRun() == null ? "" : ", last run " + source.lastRun()));
            label = " ".repeat(label.length());
        }
    }

    private static void printRows(PrintStream out, ServingResult result, int width) {
        List<ServedRow> rows = result.rows();
        int sourcesWidth = Stream.concat(Stream.of("BATCH SOURCES"), rows.stream().map(QueryTable::sources))
                .mapToInt(String::length).max().orElse(13);
        String format = "%-" + width + "s  %-20s  %-6s %10s %12s %11s %9s  %-" + sourcesWidth + "s  %s";
        out.println(String.format(Locale.ROOT, format, "PRODUCT", "HOUR (UTC)", "LAYER", "PURCHASES", "ADD_TO_CART",
                "PAGE_VIEWS", "VISITORS", "BATCH SOURCES", "WHY").stripTrailing());
        for (ServedRow row : rows) {
            out.println(String.format(Locale.ROOT, format, row.product(), Instant.ofEpochMilli(row.timestampHour()),
                    row.layer().key(), row.purchaseCount(), row.addToCartCount(), row.pageViewCount(),
                    row.uniqueVisitors(), sources(row), why(row, result.streamTopic())).stripTrailing());
        }
        printAdvice(out, rows);
    }

    /** What to do about the reasons that showed, once each. */
    private static void printAdvice(PrintStream out, List<ServedRow> rows) {
        Set<Reason> shown = rows.stream().map(ServedRow::reason).collect(Collectors.toCollection(() -> EnumSet.noneOf(Reason.class)));
        if (shown.contains(Reason.STILL_FILLING)) {
            out.println("hour still filling: when the batch ran, a Kafka partition of the topic had no event of a later "
                    + "hour yet, so it could still bring more of this one (the last hour of a finished `lab generate` "
                    + "stays so); `./lab batch` again once later events have come.");
        }
        if (shown.contains(Reason.LATE_EVENTS)) {
            out.println("late events: the speed layer counted events of the hour the batch run had not read; "
                    + "the next `./lab batch` reads them.");
        }
        if (shown.contains(Reason.NOT_IN_BATCH)) {
            out.println("not in batch: the batch row holds other sources than the speed layer's topic; "
                    + "see troubleshooting.md#batch-sources.");
        }
        if (shown.contains(Reason.NOT_COVERED)) {
            out.println("not covered: no batch run recorded what it covered of the hour (rows of an older lab); "
                    + "`./lab batch` records it.");
        }
    }

    /** Blank when the batch answers for a complete hour or the stream for one the batch has no row of. */
    static String why(ServedRow row, String streamTopic) {
        String why = switch (row.reason()) {
            case COMPLETE, NO_BATCH_ROW -> "";
            case STILL_FILLING -> "hour still filling";
            case NOT_COVERED -> "not covered";
            case LATE_EVENTS -> "late events after the batch run";
            case NOT_IN_BATCH -> "not in batch: its row holds no " + streamTopic;
        };
        if (row.layer() == Layer.BATCH && !why.isEmpty()) {
            return why + ", no stream row";
        }
        return why;
    }

    private static String sources(ServedRow row) {
        return row.batchSources().isEmpty() ? "-" : String.join("+", row.batchSources());
    }

    private static void printTotals(PrintStream out, List<ServedTotal> totals, int width) {
        String format = "%-" + width + "s  %5s %10s %12s %11s %9s%n";
        out.printf(Locale.ROOT, format, "PRODUCT", "HOURS", "PURCHASES", "ADD_TO_CART", "PAGE_VIEWS", "VISITORS");
        for (ServedTotal total : totals) {
            out.printf(Locale.ROOT, format, total.product(), total.hours(), total.purchaseCount(),
                    total.addToCartCount(), total.pageViewCount(), total.uniqueVisitors());
        }
    }

    private static String describe(Optional<LayerWatermark> watermark) {
        return watermark.map(w -> Instant.ofEpochMilli(w.watermarkHour()) + String.format(Locale.ROOT,
                " (%,d events%s)", w.events(), w.updatedAt() == null ? "" : ", written " + w.updatedAt()))
                .orElse("none recorded");
    }

    private static int productWidth(ServingResult result) {
        return Stream.concat(Stream.of("PRODUCT"), result.rows().stream().map(ServedRow::product))
                .mapToInt(String::length).max().orElse(7);
    }

    static Map<String, Object> asJson(ServingResult result, int hours) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("hours", hours);
        root.put("streamTopic", result.streamTopic());
        root.put("batchCoverage", result.batchCoverage().stream().map(QueryTable::coverageJson).toList());
        root.put("streamWatermark", result.streamWatermark().map(QueryTable::watermarkJson).orElse(null));
        root.put("rows", result.rows().stream().map(row -> rowJson(row, result.streamTopic())).toList());
        root.put("totals", result.totals());
        return root;
    }

    private static Map<String, Object> coverageJson(SourceCoverage source) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("source", source.source());
        node.put("hours", source.hours());
        node.put("completeHours", source.completeHours());
        node.put("newestCompleteHour", source.newestCompleteHour() == null ? null
                : Instant.ofEpochMilli(source.newestCompleteHour()).toString());
        node.put("lastRun", source.lastRun() == null ? null : source.lastRun().toString());
        return node;
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
    private static Map<String, Object> rowJson(ServedRow row, String streamTopic) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("product", row.product());
        node.put("hour", Instant.ofEpochMilli(row.timestampHour()).toString());
        node.put("hourMs", row.timestampHour());
        node.put("layer", row.layer().key());
        node.put("reason", row.reason().key());
        node.put("why", why(row, streamTopic));
        node.put("batchSources", row.batchSources());
        node.put("purchaseCount", row.purchaseCount());
        node.put("addToCartCount", row.addToCartCount());
        node.put("pageViewCount", row.pageViewCount());
        node.put("uniqueVisitors", row.uniqueVisitors());
        return node;
    }
}
