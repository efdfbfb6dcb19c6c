package lambdalab.exercises.generator;

import java.util.Map;
import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.generator.OffsetRanges;
import org.apache.spark.streaming.kafka010.OffsetRange;

/**
 * Exercise 02.offset-ranges (note 02, "Generating clickstream data"): from a topic's end offsets per
 * partition before and after a producer wrote, the offset ranges that hold exactly what it wrote.
 * Run OffsetRangesExerciseTest to check it; the solution is OffsetRangesSolution in the shared jar.
 */
public class OffsetRangesExercise implements OffsetRanges {

    @Override
    public OffsetRange[] between(String topic, Map<Integer, Long> before, Map<Integer, Long> after) {
        throw new MissingSolutionException();
    }
}
