package lambdalab.generator;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import lambdalab.course.clickstream.Action;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.clickstream.EventSink;

/**
 * Counts what a run emitted (events, bytes, per action) and drives the progress display; a sink
 * placed beside the real ones so the summary reports exactly what was handed over.
 */
final class RunStatistics implements EventSink {

    private final Progress progress;
    private final Map<Action, Long> perAction = new EnumMap<>(Action.class);
    private final long startNanos = System.nanoTime();
    private long events;
    private long bytes;

    RunStatistics(Progress progress) {
        this.progress = progress;
    }

    @Override
    public void accept(ClickEvent event, String encodedLine) {
        events++;
        bytes += encodedLine.length() + 1; // the lines are ASCII; +1 for the newline or record boundary
        perAction.merge(event.action(), 1L, Long::sum);
        if ((events & 0xFFF) == 0) {
            progress.update(events);
        }
    }

    @Override
    public void flush() {
        // counts only
    }

    @Override
    public void close() {
        progress.finish(events);
    }

    long events() {
        return events;
    }

    double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    void printSummary(PrintStream out, String destination) {
        double seconds = Math.max(1e-9, seconds());
        out.printf(Locale.ROOT, "Generated %,d events (%,.1f MB) to %s in %.1f s: %,.0f events/s, %.1f MB/s%n",
                events, bytes / 1e6, destination, seconds, events / seconds, bytes / 1e6 / seconds);
        for (Action action : Action.values()) {
            long count = perAction.getOrDefault(action, 0L);
            out.printf(Locale.ROOT, "  %-12s %,12d  %5.2f%%%n", action.wireName(), count,
                    events == 0 ? 0.0 : 100.0 * count / events);
        }
    }
}
