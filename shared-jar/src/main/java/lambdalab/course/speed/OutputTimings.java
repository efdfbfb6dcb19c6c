package lambdalab.course.speed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long each output operation of the batches took (its Spark jobs included: the views' output is
 * where the aggregation and the state update run), to see what bounds a batch's time.
 */
public final class OutputTimings {

    private final Map<String, List<Long>> millis = new LinkedHashMap<>();
    /** The outputs' times of the batches not committed yet, by batch time. */
    private final Map<Long, Map<String, Long>> byBatch = new HashMap<>();

    synchronized void record(long batchTimeMs, String output, long ms) {
        millis.computeIfAbsent(output, key -> new ArrayList<>()).add(ms);
        byBatch.computeIfAbsent(batchTimeMs, key -> new LinkedHashMap<>()).put(output, ms);
    }

    /**
     * The times of one batch's outputs so far, in the order they ran; that batch and earlier ones
     * are then forgotten (batches commit in order; the commit's own time, recorded after it asked,
     * goes with the next batch's call).
     */
    synchronized Map<String, Long> takeBatch(long batchTimeMs) {
        Map<String, Long> outputs = byBatch.remove(batchTimeMs);
        byBatch.keySet().removeIf(time -> time < batchTimeMs);
        return outputs == null ? Map.of() : outputs;
    }

    /** The median time of each output, in declaration order. */
    public synchronized Map<String, Long> medians() {
        Map<String, Long> medians = new LinkedHashMap<>();
        millis.forEach((output, values) -> {
            List<Long> sorted = values.stream().sorted().toList();
            medians.put(output, sorted.get(sorted.size() / 2));
        });
        return medians;
    }

    public synchronized void reset() {
        millis.clear();
        byBatch.clear();
    }
}
