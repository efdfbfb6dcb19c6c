package lambdalab.course.clickstream;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * Produces the course's clickstream: {@code settings.events()} events, the same ones for the same
 * settings on every run and every JVM, so a notebook can state exact figures and a test can
 * compare a pipeline's output with the {@link GroundTruth} of its input.
 *
 * <p>Determinism comes from one {@link SplittableRandom} seeded with {@code settings.seed()} (its
 * algorithm is specified, not left to the JVM), a fixed order of draws per event, and a simulated
 * clock ({@link SimulatedClock}) instead of the wall clock.
 *
 * <p>Per event {@code i} (0-based), in this order of draws:
 * <ol>
 *   <li>{@code k} uniform in 1..200; the action is {@code purchase} if {@code i % k == 0},
 *       {@code add_to_cart} if {@code i % k == 1}, else {@code page_view} (the original course's
 *       rule, which there used the index within a file);</li>
 *   <li>the referrer, uniform over all of {@link Domain#REFERRERS};</li>
 *   <li>only when the referrer is {@code Internal}: the previous page, uniform over all pages;</li>
 *   <li>the visitor, the page and the product, each uniform over its full range.</li>
 * </ol>
 * Every draw covers the full range: the original drew {@code nextInt(len - 1)} and so never chose
 * the last referrer, page or product.
 *
 * <p>Use it as an {@link Iterator}, or let {@link #writeTo(EventSink)} or
 * {@link #writeLines(Appendable)} drain it, paced at {@code settings.rate()} if that is set.
 * Not thread safe: one generator per thread.
 */
public final class ClickstreamGenerator implements Iterator<ClickEvent> {

    /** How often a run asks whether to go on: rarely enough to cost nothing, often enough to stop at once. */
    static final int KEEP_GOING_EVERY = 1024;

    /** The largest {@code k} of the action rule. */
    static final int MAX_ACTION_DIVISOR = 200;

    private static final String NO_PAGE = "";

    private final GeneratorSettings settings;
    private final SimulatedClock clock;
    private final String[] referrers = Domain.REFERRERS.toArray(String[]::new);
    private final String[] products;
    private final SplittableRandom random;
    private long nextIndex;

    /** A generator over the shipped product list. */
    public ClickstreamGenerator(GeneratorSettings settings) {
        this(settings, Domain.products());
    }

    /** A generator over another product list (exercises, small tests); its order matters to the output. */
    public ClickstreamGenerator(GeneratorSettings settings, List<String> products) {
        if (products.isEmpty()) {
            throw new IllegalArgumentException("products must not be empty");
        }
        this.settings = settings;
        this.clock = settings.clock();
        this.products = products.toArray(String[]::new);
        this.random = new SplittableRandom(settings.seed());
    }

    /** The settings this generator runs with. */
    public GeneratorSettings settings() {
        return settings;
    }

    /** How many events have been generated so far, which is also the index of the next one. */
    public long generated() {
        return nextIndex;
    }

    @Override
    public boolean hasNext() {
        return nextIndex < settings.events();
    }

    @Override
    public ClickEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("all " + settings.events() + " events have been generated");
        }
        long index = nextIndex++;
        Action action = actionFor(index, random.nextInt(1, MAX_ACTION_DIVISOR + 1));
        String referrer = referrers[random.nextInt(referrers.length)];
        String prevPage = referrer.equals(Domain.INTERNAL) ? randomPage() : NO_PAGE;
        String visitor = Domain.visitor(random.nextInt(settings.visitors()));
        String page = randomPage();
        String product = products[random.nextInt(products.length)];
        return new ClickEvent(clock.timestampOf(index), referrer, action, prevPage, visitor, page, product);
    }

    /** The course's action rule for event {@code index} and divisor {@code k}. */
    static Action actionFor(long index, int k) {
        long remainder = index % k;
        return remainder == 0 ? Action.PURCHASE : remainder == 1 ? Action.ADD_TO_CART : Action.PAGE_VIEW;
    }

    private String randomPage() {
        return Domain.page(random.nextInt(settings.pages()));
    }

    /**
     * Sends the remaining events to {@code sink}, then flushes it (closing stays with the caller,
     * who may chain several generators into one sink).
     *
     * @return how many events were sent; fewer than remaining only if the thread was interrupted
     *     while pacing (the interrupt flag stays set)
     */
    public long writeTo(EventSink sink) {
        return writeTo(sink, () -> true);
    }

    /**
     * Like {@link #writeTo(EventSink)}, but stops early once {@code keepGoing} answers false
     * (asked every {@value #KEEP_GOING_EVERY} events, or every event when paced: a time limit, a
     * stop request on Ctrl-C).
     */
    public long writeTo(EventSink sink, BooleanSupplier keepGoing) {
        Pacer pacer = pacer();
        // a paced run is slow anyway: ask every event, so a time limit is kept to the event
        int askEvery = pacer == null ? KEEP_GOING_EVERY : 1;
        StringBuilder line = new StringBuilder(128);
        long sent = 0;
        while (hasNext() && (pacer == null || pacer.awaitTurn(nextIndex))
                && (sent % askEvery != 0 || keepGoing.getAsBoolean())) {
            ClickEvent event = next();
            line.setLength(0);
            sink.accept(event, ClickstreamCodec.appendTo(event, line).toString());
            sent++;
        }
        sink.flush();
        return sent;
    }

    /**
     * Fast path: appends the remaining events as {@code \n}-terminated lines to {@code out} (a
     * buffered {@link java.io.Writer}, a {@link StringBuilder}), reusing one line buffer.
     *
     * @return how many lines were written; fewer only if interrupted while pacing
     * @throws IOException if {@code out} fails
     */
    public long writeLines(Appendable out) throws IOException {
        Pacer pacer = pacer();
        StringBuilder line = new StringBuilder(128);
        long written = 0;
        while (hasNext() && (pacer == null || pacer.awaitTurn(nextIndex))) {
            line.setLength(0);
            ClickstreamCodec.appendTo(next(), line).append('\n');
            out.append(line);
            written++;
        }
        return written;
    }

    private Pacer pacer() {
        return settings.rate() > 0 ? new Pacer(settings.rate()) : null;
    }
}
