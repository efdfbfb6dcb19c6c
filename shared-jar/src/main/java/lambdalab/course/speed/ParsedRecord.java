package lambdalab.course.speed;

import java.io.Serializable;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.clickstream.CodecError;
import lambdalab.course.exercises.ingest.RecordDecoding;
import lambdalab.course.exercises.ingest.RecordDecodingSolution;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One Kafka record of the source topic after decoding: where it came from (partition, offset, the
 * time it was produced) and either the event or why it was rejected, with its bytes for the dead
 * letter topic.
 */
public record ParsedRecord(int partition, long offset, long producedAtMs, ClickEvent event,
                           CodecError error, byte[] rejectedBytes) implements Serializable {

    private static final RecordDecoding DECODING = new RecordDecodingSolution();

    /** The record decoded: exercise 06.dead-letters' reference solution. */
    public static ParsedRecord of(ConsumerRecord<byte[], byte[]> record) {
        return DECODING.parse(record);
    }

    public boolean valid() {
        return event != null;
    }

    /** The key of the record's dead letter: its source position, unique, so replays can be deduplicated. */
    public String sourcePosition(String topic) {
        return topic + "-" + partition + "@" + offset;
    }
}
