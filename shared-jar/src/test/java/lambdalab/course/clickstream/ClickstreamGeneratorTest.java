package lambdalab.course.clickstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClickstreamGeneratorTest {

    private static final long MANY = 2_000_000;
    private static final GeneratorSettings SMALL_WORLD = GeneratorSettings.builder()
            .visitors(1000).events(MANY).build();

    /** Two million events, generated once and shared by the statistical tests. */
    private static List<ClickEvent> many;

    @BeforeAll
    static void generateMany() {
        many = new ArrayList<>((int) MANY);
        new ClickstreamGenerator(SMALL_WORLD).forEachRemaining(many::add);
    }

    @Test
    void sameSeedAndSettingsGiveIdenticalBytes() throws Exception {
        GeneratorSettings settings = GeneratorSettings.builder().events(200_000).build();
        assertThat(sha256OfLines(settings)).isEqualTo(sha256OfLines(settings));
    }

    @Test
    void otherSeedGivesOtherBytes() throws Exception {
        GeneratorSettings settings = GeneratorSettings.builder().events(200_000).build();
        GeneratorSettings otherSeed = GeneratorSettings.builder().events(200_000).seed(43).build();
        assertThat(sha256OfLines(otherSeed)).isNotEqualTo(sha256OfLines(settings));
    }

    /**
     * Pins the output of the default settings across JVMs and releases. If this fails after a
     * deliberate change of the generation rule or the product list, update the hash and say so in
     * the change: notebooks quoting exact figures change with it.
     */
    @Test
    void defaultOutputIsPinned() throws Exception {
        ClickEvent first = new ClickstreamGenerator(GeneratorSettings.defaults()).next();
        assertThat(ClickstreamCodec.encode(first)).isEqualTo(
                "1704067200000\tBing\tpurchase\t\tVisitor-822481\tPage-12\tUmberlin,Smart Dimmer Switch");
        assertThat(sha256OfLines(GeneratorSettings.defaults()))
                .isEqualTo("77d89685e0e73e8cb8d6d373c7dbeb021120b3f9c8f0b7a4524a8e54384354b7");
    }

    @Test
    void everyReferrerPageAndProductAppears() {
        // With the original's nextInt(len - 1) bug, Internal, Page-14 and the last product never appear.
        assertThat(distinct(many, ClickEvent::referrer)).containsExactlyInAnyOrderElementsOf(Domain.REFERRERS);
        assertThat(distinct(many, ClickEvent::page))
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 15).mapToObj(Domain::page).toList());
        assertThat(distinct(many, ClickEvent::product)).containsExactlyInAnyOrderElementsOf(Domain.products());
        assertThat(distinct(many, ClickEvent::visitor))
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 1000).mapToObj(Domain::visitor).toList());
    }

    @Test
    void prevPageIsSetExactlyWhenTheReferrerIsInternal() {
        for (ClickEvent event : many) {
            if (event.referrer().equals(Domain.INTERNAL)) {
                assertThat(event.prevPage()).matches("Page-([0-9]|1[0-4])");
            } else {
                assertThat(event.prevPage()).isEmpty();
            }
        }
        assertThat(distinct(many.stream().filter(e -> !e.prevPage().isEmpty()).toList(), ClickEvent::prevPage))
                .hasSize(15);
    }

    /**
     * Expected shares, by exact enumeration over k: with k uniform in 1..200, event i is a purchase
     * with probability (1/200) * #{k : i % k == 0} and an add_to_cart with probability
     * (1/200) * #{k : i % k == 1}. Over i = 0..N-1, #{i : i % k == 0} = ceil(N / k) and, for
     * k >= 2, #{i : i % k == 1} = ceil((N - 1) / k) (never for k = 1). For large N the shares tend
     * to H(200)/200 = 2.94 % and (H(200) - 1)/200 = 2.44 %.
     *
     * <p>Tolerance: events are independent given i, so the share's standard deviation is at most
     * sqrt(p / N) = sqrt(0.03 / 2e6) = 1.2e-4; 1e-3 is about 8 standard deviations, while a wrong
     * rule (k in 1..100, k from 0, swapped remainders) moves a share by more than 5e-3.
     */
    @Test
    void actionSharesMatchTheModuloRule() {
        double expectedPurchase = 0;
        double expectedAddToCart = 0;
        for (int k = 1; k <= 200; k++) {
            expectedPurchase += ceilDiv(MANY, k) / (200.0 * MANY);
            expectedAddToCart += k == 1 ? 0 : ceilDiv(MANY - 1, k) / (200.0 * MANY);
        }
        Map<Action, Long> counts = new EnumMap<>(Action.class);
        many.forEach(e -> counts.merge(e.action(), 1L, Long::sum));

        assertThat(expectedPurchase).isCloseTo(0.02939, within(1e-4));
        assertThat(expectedAddToCart).isCloseTo(0.02439, within(1e-4));
        assertThat(counts.get(Action.PURCHASE) / (double) MANY).isCloseTo(expectedPurchase, within(1e-3));
        assertThat(counts.get(Action.ADD_TO_CART) / (double) MANY).isCloseTo(expectedAddToCart, within(1e-3));
        assertThat(counts.get(Action.PAGE_VIEW) / (double) MANY)
                .isCloseTo(1 - expectedPurchase - expectedAddToCart, within(2e-3));
    }

    @Test
    void actionRuleFollowsTheRemainder() {
        assertThat(ClickstreamGenerator.actionFor(0, 7)).isEqualTo(Action.PURCHASE);
        assertThat(ClickstreamGenerator.actionFor(14, 7)).isEqualTo(Action.PURCHASE);
        assertThat(ClickstreamGenerator.actionFor(15, 7)).isEqualTo(Action.ADD_TO_CART);
        assertThat(ClickstreamGenerator.actionFor(16, 7)).isEqualTo(Action.PAGE_VIEW);
        assertThat(ClickstreamGenerator.actionFor(5, 1)).isEqualTo(Action.PURCHASE);
    }

    @Test
    void timestampsStartAtStartMsAndFollowTheClockRule() {
        assertThat(many.get(0).timestampMs()).isEqualTo(GeneratorSettings.DEFAULT_START_MS);
        for (int i = 0; i < many.size(); i++) {
            // default rule: 480 simulated seconds per 1000 events, i.e. 480 ms per event
            assertThat(many.get(i).timestampMs()).isEqualTo(GeneratorSettings.DEFAULT_START_MS + 480L * i);
        }
    }

    @Test
    void timestampsAreNonDecreasingAndFloorTheExactProduct() {
        GeneratorSettings settings = GeneratorSettings.builder()
                .events(100_000).nominalRate(7).timeMultiplier(3).startMs(1_000).build();
        ClickstreamGenerator generator = new ClickstreamGenerator(settings);
        long previous = Long.MIN_VALUE;
        for (long i = 0; generator.hasNext(); i++) {
            long ts = generator.next().timestampMs();
            BigInteger exact = BigInteger.valueOf(i).multiply(BigInteger.valueOf(3_000)).divide(BigInteger.valueOf(7));
            assertThat(ts).isEqualTo(1_000 + exact.longValueExact()).isGreaterThanOrEqualTo(previous);
            previous = ts;
        }
    }

    @Test
    void iteratorStopsAfterTheConfiguredNumberOfEvents() {
        ClickstreamGenerator generator = new ClickstreamGenerator(GeneratorSettings.builder().events(5).build());
        for (int i = 0; i < 5; i++) {
            assertThat(generator.hasNext()).isTrue();
            generator.next();
        }
        assertThat(generator.hasNext()).isFalse();
        assertThat(generator.generated()).isEqualTo(5);
        assertThatThrownBy(generator::next).isInstanceOf(NoSuchElementException.class).hasMessageContaining("5");
    }

    @Test
    void writeToAndWriteLinesEmitTheIteratorsEventsEncoded() throws Exception {
        GeneratorSettings settings = GeneratorSettings.builder().events(1_000).build();
        List<String> expected = new ArrayList<>();
        new ClickstreamGenerator(settings).forEachRemaining(e -> expected.add(ClickstreamCodec.encode(e)));

        List<String> fromSink = new ArrayList<>();
        long sent = new ClickstreamGenerator(settings).writeTo(new CollectingSink(fromSink));
        StringBuilder text = new StringBuilder();
        long written = new ClickstreamGenerator(settings).writeLines(text);

        assertThat(sent).isEqualTo(1_000);
        assertThat(fromSink).isEqualTo(expected);
        assertThat(written).isEqualTo(1_000);
        assertThat(text.toString()).isEqualTo(String.join("\n", expected) + "\n");
    }

    @Test
    void pacingDoesNotChangeTheEvents() throws Exception {
        // a rate so high that the pacer never sleeps: exercises the paced loop without wall time
        GeneratorSettings unpaced = GeneratorSettings.builder().events(10_000).build();
        GeneratorSettings paced = GeneratorSettings.builder().events(10_000).rate(1_000_000_000).nominalRate(1000).build();
        List<String> lines = new ArrayList<>();
        assertThat(new ClickstreamGenerator(paced).writeTo(new CollectingSink(lines))).isEqualTo(10_000);
        assertThat(sha256(lines)).isEqualTo(sha256OfLines(unpaced));
    }

    @Test
    void rejectsAnEmptyProductList() {
        assertThatThrownBy(() -> new ClickstreamGenerator(GeneratorSettings.defaults(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("products");
    }

    static String sha256OfLines(GeneratorSettings settings) throws NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        ClickstreamGenerator generator = new ClickstreamGenerator(settings);
        while (generator.hasNext()) {
            digest.update((ClickstreamCodec.encode(generator.next()) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(List<String> lines) throws NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        lines.forEach(line -> digest.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static Set<String> distinct(List<ClickEvent> events, java.util.function.Function<ClickEvent, String> field) {
        Set<String> values = new HashSet<>();
        events.forEach(e -> values.add(field.apply(e)));
        return values;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** Keeps the lines a sink receives. */
    record CollectingSink(List<String> lines) implements EventSink {
        @Override
        public void accept(ClickEvent event, String encodedLine) {
            lines.add(encodedLine);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
