package lambdalab.exercises.ingest;

import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.ingest.RecordDecoding;
import lambdalab.course.speed.ParsedRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Exercise 06.dead-letters (note 06, "Streaming ingest from Kafka"): a Kafka record decoded into a
 * ParsedRecord, the event or the codec's reason with the record's exact bytes, always with its
 * partition, offset and timestamp. Run RecordDecodingExerciseTest to check it; the hints are in the
 * note, the solution in the shared jar (RecordDecodingSolution).
 */
public class RecordDecodingExercise implements RecordDecoding {

    @Override
    public ParsedRecord parse(ConsumerRecord<byte[], byte[]> record) {
        throw new MissingSolutionException();
    }
}
