package lambdalab.generator;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a long step. On a terminal: one line redrawn in place (a bar when the total is
 * known). Without a terminal (CI, pipes): a plain line every few seconds, so logs stay readable.
 */
public final class Progress {

    private static final long TERMINAL_REDRAW_NANOS = 200_000_000L;
    private static final long PLAIN_LINE_NANOS = 5_000_000_000L;
    private static final int BAR_WIDTH = 30;

    private final PrintStream out;
    private final String what;
    private final long total;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private long lastNanos = startNanos;

    /** @param total the expected count, or 0 when unknown */
    public Progress(PrintStream out, String what, long total, boolean terminal) {
        this.out = out;
        this.what = what;
        this.total = total;
        this.terminal = terminal;
    }

    /** Shows {@code done} if enough time passed since the last update (cheap to call often). */
    public void update(long done) {
        long now = System.nanoTime();
        if (now - lastNanos < (terminal ? TERMINAL_REDRAW_NANOS : PLAIN_LINE_NANOS)) {
            return;
        }
        lastNanos = now;
        String line = describe(done, now);
        if (terminal) {
            out.print("\r" + line);
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Ends the progress display (the summary follows on its own lines). */
    public void finish(long done) {
        if (terminal) {
            out.println("\r" + describe(done, System.nanoTime()));
        }
    }

    private String describe(long done, long now) {
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        String rate = String.format(Locale.ROOT, "%,.0f/s", done / seconds);
        if (total <= 0) {
            return String.format(Locale.ROOT, "%s: %,d  %s  %.0f s", what, done, rate, seconds);
        }
        int filled = (int) Math.min(BAR_WIDTH, BAR_WIDTH * done / total);
        return String.format(Locale.ROOT, "%s [%s%s] %3d%%  %,d/%,d  %s", what, "#".repeat(filled),
                " ".repeat(BAR_WIDTH - filled), 100 * done / total, done, total, rate);
    }
}
