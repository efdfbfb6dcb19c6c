package lambdalab.course.speed;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A log line for a batch that took longer than the batch interval, with the time of each of its
 * outputs: a job that falls behind says where its time goes (a cold start, a slow service, a batch
 * run beside it). At most one line per {@link #MIN_GAP_MS}, since a job far behind would otherwise
 * write one every second, except for the slowest batch of the run so far; a line counts the slow
 * batches since the last one.
 */
final class SlowBatchLog {

    static final long MIN_GAP_MS = 10_000;

    private final long intervalMs;
    private long lastLineAtMs;
    private int slowSinceLastLine;
    private long slowestMs;

    SlowBatchLog(long intervalMs) {
        this.intervalMs = intervalMs;
    }

    /**
     * The line to log for a batch just committed, if it was slow and either no line was logged lately
     * or no batch of the run was slower (the first slow batch always is).
     *
     * @param outputs the time of each output operation of the batch, in the order they ran
     */
    synchronized Optional<String> batchDone(Instant batch, long events, long processingMs, long schedulingDelayMs,
                                            Map<String, Long> outputs, long nowMs) {
        if (processingMs <= intervalMs) {
            return Optional.empty();
        }
        slowSinceLastLine++;
        boolean slowest = processingMs > slowestMs;
        slowestMs = Math.max(slowestMs, processingMs);
        if (!slowest && nowMs - lastLineAtMs < MIN_GAP_MS) {
            return Optional.empty();
        }
        String others = slowSinceLastLine > 1
                ? String.format(Locale.ROOT, " (%d slow batches since the last such line)", slowSinceLastLine) : "";
        lastLineAtMs = nowMs;
        slowSinceLastLine = 0;
        String times = outputs.entrySet().stream()
                .map(output -> String.format(Locale.ROOT, "%s %,d ms", output.getKey(), output.getValue()))
                .collect(Collectors.joining(", "));
        return Optional.of(String.format(Locale.ROOT,
                "Slow batch %s: %,d events processed in %,d ms, longer than the %,d ms batch interval (%s); "
                        + "scheduling delay %,d ms%s.",
                batch, events, processingMs, intervalMs, times, schedulingDelayMs, others));
    }
}
