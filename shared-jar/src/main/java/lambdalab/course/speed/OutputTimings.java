package lambdalab.course.speed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long each output operation of the batches took (its Spark jobs included: the views' output is
 * where the aggregation and the state update run), to see what bounds a batch's time.
 */
public final class OutputTimings {

    private final Map<String, List<Long>> millis = new LinkedHashMap<>();

    synchronized void record(String output, long ms) {
        millis.computeIfAbsent(output, key -> new ArrayList<>()).add(ms);
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
    }
}
