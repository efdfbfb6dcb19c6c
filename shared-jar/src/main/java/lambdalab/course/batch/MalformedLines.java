package lambdalab.course.batch;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lambdalab.course.clickstream.CodecError;
import org.apache.spark.SparkContext;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;

/**
 * Counts the input lines the codec refused, per reason, with a few examples, from inside Spark
 * tasks (accumulators). Malformed lines are skipped, never fatal and never counted as events.
 * Counts are exact when each task runs once (a retried task may count its lines twice).
 */
public final class MalformedLines implements Serializable {

    private static final int EXAMPLES_PER_TASK = 3;

    private final Map<CodecError.Reason, LongAccumulator> counts = new EnumMap<>(CodecError.Reason.class);
    private final CollectionAccumulator<String> examples;

    public MalformedLines(SparkContext context) {
        for (CodecError.Reason reason : CodecError.Reason.values()) {
            counts.put(reason, context.longAccumulator("malformed " + reason));
        }
        examples = context.collectionAccumulator("malformed examples");
    }

    /** Called in a task for each refused line; {@code seenInTask} limits the examples kept. */
    void record(CodecError error, int seenInTask) {
        counts.get(error.reason()).add(1);
        if (seenInTask < EXAMPLES_PER_TASK) {
            examples.add(error.reason() + ": " + error.message());
        }
    }

    /** Refused lines per reason (only reasons that occurred), after the job ran. */
    public Map<CodecError.Reason, Long> counts() {
        Map<CodecError.Reason, Long> result = new LinkedHashMap<>();
        counts.forEach((reason, count) -> {
            if (count.value() > 0) {
                result.put(reason, count.value());
            }
        });
        return result;
    }

    public long total() {
        return counts.values().stream().mapToLong(LongAccumulator::value).sum();
    }

    public List<String> examples() {
        return List.copyOf(examples.value());
    }
}
