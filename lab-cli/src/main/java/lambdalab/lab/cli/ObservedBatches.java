package lambdalab.lab.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * The speed layer's micro-batches as a benchmark sees them in the job's status file, which holds the
 * last completed batch only: sampled often, each batch is kept once (by its time), with whether a
 * batch run of the batch layer was going on when it was seen.
 */
final class ObservedBatches {

    record Batch(Instant time, long events, long processingMs, long schedulingDelayMs, boolean duringBatchRun) {
    }

    private final Map<Instant, Batch> byTime = new LinkedHashMap<>();

    /** Keeps a batch the first time it is seen; a later sample of the same batch changes nothing. */
    void add(Batch batch) {
        byTime.putIfAbsent(batch.time(), batch);
    }

    int size() {
        return byTime.size();
    }

    int count(Predicate<Batch> which) {
        return (int) byTime.values().stream().filter(which).count();
    }

    long events() {
        return byTime.values().stream().mapToLong(Batch::events).sum();
    }

    /** The {@code p} percentile (nearest rank) of the selected batches' values; -1 when none is selected. */
    long percentile(double p, Predicate<Batch> which, ToLongFunction<Batch> value) {
        long[] values = byTime.values().stream().filter(which).mapToLong(value).sorted().toArray();
        return values.length == 0 ? -1 : Percentiles.nearestRank(values, p);
    }

    /** The largest value in each minute from the first batch on (a minute without batches: -1). */
    List<Long> maxPerMinute(ToLongFunction<Batch> value) {
        List<Long> maxima = new ArrayList<>();
        Instant first = byTime.keySet().stream().min(Instant::compareTo).orElse(Instant.EPOCH);
        for (Batch batch : byTime.values()) {
            int minute = (int) Duration.between(first, batch.time()).toMinutes();
            while (maxima.size() <= minute) {
                maxima.add(-1L);
            }
            maxima.set(minute, Math.max(maxima.get(minute), value.applyAsLong(batch)));
        }
        return maxima;
    }

    long max(Predicate<Batch> which, ToLongFunction<Batch> value) {
        return byTime.values().stream().filter(which).mapToLong(value).max().orElse(-1);
    }
}
