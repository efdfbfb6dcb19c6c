package lambdalab.course.speed;

import java.io.Serializable;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.clickstream.ClickstreamCodec;
import lambdalab.course.clickstream.CodecError;
import lambdalab.course.clickstream.DecodeResult;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One Kafka record of the source topic after decoding: where it came from (partition, offset, the
 * time it was produced) and either the event or why it was rejected, with its bytes for the dead
 * letter topic.
 */
public record ParsedRecord(int partition, long offset, long producedAtMs, ClickEvent event,
                           CodecError error, byte[] rejectedBytes) implements Serializable {

    public static ParsedRecord of(ConsumerRecord<byte[], byte[]> record) {
        byte[] value = record.value() == null ? new byte[0] : record.value();
        DecodeResult result = ClickstreamCodec.decode(value);
        if (result instanceof DecodeResult.Decoded decoded) {
            return new ParsedRecord(record.partition(), record.offset(), record.timestamp(), decoded.event(), null, null);
        }
        return new ParsedRecord(record.partition(), record.offset(), record.timestamp(), null, (CodecError) result, value);
    }

    public boolean valid() {
        return event != null;
    }

    /** The key of the record's dead letter: its source position, unique, so replays can be deduplicated. */
    public String sourcePosition(String topic) {
        return topic + "-" + partition + "@" + offset;
    }
}
