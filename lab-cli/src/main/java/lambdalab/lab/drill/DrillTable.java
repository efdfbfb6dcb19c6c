package lambdalab.lab.drill;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A drill's report: each step as it happens (a line with the drill's name, for a log), then all of
 * them as one table at the end: when, what was done or checked, the outcome, the details.
 */
final class DrillTable {

    private final String drill;
    private final PrintStream out;
    private Instant began = Instant.now();
    private final List<String[]> steps = new ArrayList<>();

    DrillTable(String drill, PrintStream out) {
        this.drill = drill;
        this.out = out;
    }

    /** The table's times count from now: a drill of `lab drill all` begins after the ones before it. */
    void begin() {
        began = Instant.now();
    }

    void step(String what, String outcome, String detail) {
        String[] line = {String.format(Locale.ROOT, "%6.0fs", Duration.between(began, Instant.now()).toMillis() / 1000.0),
                what, outcome, detail};
        steps.add(line);
        out.printf(Locale.ROOT, "[%s] %s %s: %s %s%n", drill, line[0], what, outcome, detail);
    }

    /** A line of detail under the step before it (a mismatch, a log line). */
    void detail(String detail) {
        step("", "", detail);
    }

    void print() {
        out.println();
        out.printf(Locale.ROOT, "%7s  %-26s %-24s %s%n", "AT", "STEP", "OUTCOME", "DETAIL");
        for (String[] line : steps) {
            out.printf(Locale.ROOT, "%7s  %-26s %-24s %s%n", (Object[]) line);
        }
    }

    PrintStream out() {
        return out;
    }

    Duration elapsed() {
        return Duration.between(began, Instant.now());
    }

    static String seconds(Instant since) {
        return String.format(Locale.ROOT, "%.1f s", Duration.between(since, Instant.now()).toMillis() / 1000.0);
    }
}
