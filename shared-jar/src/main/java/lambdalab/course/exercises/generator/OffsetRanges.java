package lambdalab.course.exercises.generator;

import java.io.Serializable;
import java.util.Map;
import org.apache.spark.streaming.kafka010.OffsetRange;

/**
 * Exercise 02.offset-ranges: which records to read back from Kafka. Given the topic's end offsets
 * per partition before and after a producer wrote (as {@code KafkaTopics.latestOffsets} returns
 * them; a partition created in between is missing from {@code before}), return the offset ranges
 * that hold exactly the records written in between: none twice, none missed.
 */
@FunctionalInterface
public interface OffsetRanges extends Serializable {

    OffsetRange[] between(String topic, Map<Integer, Long> before, Map<Integer, Long> after);
}
