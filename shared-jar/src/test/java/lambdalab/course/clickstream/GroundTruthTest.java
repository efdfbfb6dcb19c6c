package lambdalab.course.clickstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundTruthTest {

    /** 300,000 events at 480 ms apart span 40 hours: about 9,600 groups of a few dozen events. */
    private static final GeneratorSettings SETTINGS = GeneratorSettings.builder()
            .events(300_000).visitors(2_000).build();

    @TempDir
    Path dir;

    @Test
    void countsEqualANaiveRecount() {
        List<ClickEvent> events = new ArrayList<>();
        new ClickstreamGenerator(SETTINGS).forEachRemaining(events::add);
        GroundTruth truth = new GroundTruth();
        events.forEach(truth::add);

        assertThat(truth.events()).isEqualTo(events.size());
        assertThat(truth.activity()).isEqualTo(naiveRecount(events));
        assertThat(truth.activity().size()).isGreaterThan(9_000);
    }

    @Test
    void itCountsWhatASinkReceives() {
        GroundTruth viaSink = new GroundTruth();
        new ClickstreamGenerator(SETTINGS).writeTo(viaSink);
        GroundTruth direct = new GroundTruth();
        new ClickstreamGenerator(SETTINGS).forEachRemaining(direct::add);
        assertThat(viaSink.activity()).isEqualTo(direct.activity());
    }

    @Test
    void activityIsSortedByProductThenHour() {
        GroundTruth truth = new GroundTruth();
        truth.add(event("B,b", 7_200_000, "Visitor-1"));
        truth.add(event("A,a", 7_200_000, "Visitor-1"));
        truth.add(event("A,a", 3_600_001, "Visitor-2"));
        assertThat(truth.activity().keySet()).containsExactly(
                new ProductHour("A,a", 3_600_000), new ProductHour("A,a", 7_200_000), new ProductHour("B,b", 7_200_000));
    }

    @Test
    void writeTsvThenReadTsvGivesTheSameRows() throws IOException {
        GroundTruth truth = new GroundTruth();
        new ClickstreamGenerator(SETTINGS).writeTo(truth);
        Path file = dir.resolve("truth.tsv");

        truth.writeTsv(file);

        assertThat(GroundTruth.readTsv(file)).isEqualTo(truth.activity());
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo(
                "product\ttimestamp_hour\tpurchase_count\tadd_to_cart_count\tpage_view_count\tunique_visitors");
        assertThat(lines).hasSize(truth.activity().size() + 1);
        HourlyActivity first = truth.activity().values().iterator().next();
        assertThat(lines.get(1)).isEqualTo(first.key().product() + "\t" + first.key().timestampHour() + "\t"
                + first.purchaseCount() + "\t" + first.addToCartCount() + "\t" + first.pageViewCount() + "\t"
                + first.uniqueVisitors());
    }

    @Test
    void writeTsvReplacesAnOlderFileAndLeavesNothingElseBesideIt() throws IOException {
        Path file = dir.resolve("truth.tsv");
        Files.writeString(file, "an older, longer file that must not shine through\n".repeat(1_000));
        GroundTruth truth = new GroundTruth();
        truth.add(event("A,a", 3_600_000, "Visitor-1"));

        truth.writeTsv(file);

        assertThat(GroundTruth.readTsv(file)).isEqualTo(truth.activity());
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void readTsvNamesTheBadLine() throws IOException {
        Path file = dir.resolve("bad.tsv");
        Files.writeString(file, GroundTruth.HEADER + "\nA,a\t0\t1\t2\t3\t4\nA,b\t0\t1\tmany\t3\t4\n");
        assertThatThrownBy(() -> GroundTruth.readTsv(file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 3")
                .hasMessageContaining("add_to_cart_count").hasMessageContaining("'many'");
        Files.writeString(file, "product\tcount\n");
        assertThatThrownBy(() -> GroundTruth.readTsv(file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1");
    }

    @Test
    void rejectsVisitorsThatAreNotVisitorN() {
        GroundTruth truth = new GroundTruth();
        assertThatThrownBy(() -> truth.add(event("A,a", 0, "someone")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("someone");
        assertThat(truth.activity()).isEmpty();
    }

    private static ClickEvent event(String product, long ts, String visitor) {
        return new ClickEvent(ts, "Google", Action.PAGE_VIEW, "", visitor, "Page-0", product);
    }

    /** The obvious, slow way: boxed counts and a set of visitor strings per group. */
    private static Map<ProductHour, HourlyActivity> naiveRecount(List<ClickEvent> events) {
        Map<ProductHour, long[]> counts = new HashMap<>();
        Map<ProductHour, Set<String>> visitors = new HashMap<>();
        for (ClickEvent e : events) {
            ProductHour key = new ProductHour(e.product(), e.timestampMs() / 3_600_000 * 3_600_000);
            counts.computeIfAbsent(key, k -> new long[3])[e.action().ordinal()]++;
            visitors.computeIfAbsent(key, k -> new HashSet<>()).add(e.visitor());
        }
        Map<ProductHour, HourlyActivity> rows = new TreeMap<>();
        counts.forEach((key, c) -> rows.put(key, new HourlyActivity(key,
                c[Action.PURCHASE.ordinal()], c[Action.ADD_TO_CART.ordinal()], c[Action.PAGE_VIEW.ordinal()],
                visitors.get(key).size())));
        return rows;
    }
}
