package lambdalab.course.clickstream;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The exact per-(product, hour) figures of everything a generator emitted: action counts and the
 * exact set of distinct visitors. Tests and notebooks compare the pipeline's views against it
 * (exactly for counts, within the sketch's error for unique visitors).
 *
 * <p>It is an {@link EventSink}, so a run can feed it alongside its real sink with {@link TeeSink}.
 * Visitors are kept as ints (the {@code N} of {@code Visitor-N}) in one {@link IntHashSet} per
 * group: 5 to 11 bytes per distinct (visitor, group) pair plus about 200 bytes per group, so
 * 10 million events need at most about 100 MB however they spread over groups.
 *
 * <p>File format ({@link #writeTsv}): a header line {@value #HEADER}, then one row per group
 * sorted by product, then hour; {@code timestamp_hour} is epoch milliseconds.
 */
public final class GroundTruth implements EventSink {

    /** The header line of the TSV file. */
    public static final String HEADER =
            "product\ttimestamp_hour\tpurchase_count\tadd_to_cart_count\tpage_view_count\tunique_visitors";

    private static final int COLUMNS = 6;

    private final Map<ProductHour, Tally> groups = new HashMap<>();
    private long events;

    /** Counts one event. */
    public void add(ClickEvent event) {
        int visitor = Domain.visitorNumber(event.visitor()); // first, so a bad id leaves no trace
        groups.computeIfAbsent(ProductHour.of(event), key -> new Tally()).add(event.action(), visitor);
        events++;
    }

    @Override
    public void accept(ClickEvent event, String encodedLine) {
        add(event);
    }

    /** Nothing to flush: the figures live in memory. */
    @Override
    public void flush() {
    }

    /** Nothing to release; the figures stay readable after closing. */
    @Override
    public void close() {
    }

    /** How many events were counted. */
    public long events() {
        return events;
    }

    /** The figures per group, sorted by product then hour. */
    public SortedMap<ProductHour, HourlyActivity> activity() {
        SortedMap<ProductHour, HourlyActivity> rows = new TreeMap<>();
        groups.forEach((key, tally) -> rows.put(key, tally.toActivity(key)));
        return Collections.unmodifiableSortedMap(rows);
    }

    /**
     * Writes {@link #activity()} as TSV (see the class doc for the format), replacing the file
     * atomically: the rows go to a hidden temporary file beside it, renamed to its name once complete,
     * so no reader ever sees the file half written, and a process stopped while writing leaves the
     * previous file (or none) rather than a cut one that still parses.
     */
    public void writeTsv(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                out.write(HEADER);
                out.write('\n');
                for (HourlyActivity row : activity().values()) {
                    out.write(toTsvRow(row));
                    out.write('\n');
                }
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp); // gone after the rename; only a failed write leaves it
        }
    }

    /**
     * Reads a file written by {@link #writeTsv}, sorted by product then hour.
     *
     * @throws IllegalArgumentException if the header or a row is malformed, naming the line
     */
    public static SortedMap<ProductHour, HourlyActivity> readTsv(Path file) throws IOException {
        SortedMap<ProductHour, HourlyActivity> rows = new TreeMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (!HEADER.equals(header)) {
                throw new IllegalArgumentException(file + ": line 1: expected the header '" + HEADER.replace("\t", "\\t")
                        + "', got " + (header == null ? "an empty file" : "'" + ClickstreamCodec.shown(header) + "'"));
            }
            int lineNumber = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                HourlyActivity row = fromTsvRow(line, file + ": line " + lineNumber);
                rows.put(row.key(), row);
            }
        }
        return Collections.unmodifiableSortedMap(rows);
    }

    static String toTsvRow(HourlyActivity row) {
        return row.key().product() + '\t' + row.key().timestampHour() + '\t' + row.purchaseCount() + '\t'
                + row.addToCartCount() + '\t' + row.pageViewCount() + '\t' + row.uniqueVisitors();
    }

    private static HourlyActivity fromTsvRow(String line, String where) {
        String[] fields = line.split("\t", -1);
        if (fields.length != COLUMNS) {
            throw new IllegalArgumentException(where + ": expected " + COLUMNS + " tab-separated columns, found "
                    + fields.length + " in '" + ClickstreamCodec.shown(line) + "'");
        }
        return new HourlyActivity(
                new ProductHour(fields[0], number(fields[1], "timestamp_hour", where)),
                number(fields[2], "purchase_count", where),
                number(fields[3], "add_to_cart_count", where),
                number(fields[4], "page_view_count", where),
                number(fields[5], "unique_visitors", where));
    }

    private static long number(String text, String column, String where) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": column " + column + " must be a whole number, got '"
                    + ClickstreamCodec.shown(text) + "'");
        }
    }

    /** The running figures of one group. */
    private static final class Tally {
        private long purchases;
        private long addsToCart;
        private long pageViews;
        private final IntHashSet visitors = new IntHashSet();

        void add(Action action, int visitor) {
            switch (action) {
                case PURCHASE -> purchases++;
                case ADD_TO_CART -> addsToCart++;
                case PAGE_VIEW -> pageViews++;
            }
            visitors.add(visitor);
        }

        HourlyActivity toActivity(ProductHour key) {
            return new HourlyActivity(key, purchases, addsToCart, pageViews, visitors.size());
        }
    }
}
