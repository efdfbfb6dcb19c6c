package lambdalab.course.exercises.ingest;

import java.io.Serializable;
import lambdalab.course.speed.ParsedRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Exercise 06.dead-letters: the speed layer's first step on each Kafka record. Decode its value with
 * the course's codec into a {@link ParsedRecord}: the event, or, for a record that is not a valid
 * clickstream line, why it was rejected and its bytes as they came (for the dead-letter topic),
 * always with the record's partition, offset and timestamp.
 */
@FunctionalInterface
public interface RecordDecoding extends Serializable {

    ParsedRecord parse(ConsumerRecord<byte[], byte[]> record);
}
