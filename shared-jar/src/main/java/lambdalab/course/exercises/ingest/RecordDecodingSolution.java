package lambdalab.course.exercises.ingest;

import lambdalab.course.clickstream.ClickstreamCodec;
import lambdalab.course.clickstream.CodecError;
import lambdalab.course.clickstream.DecodeResult;
import lambdalab.course.speed.ParsedRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The reference solution of {@link RecordDecoding}, the speed layer's own ({@link ParsedRecord#of}):
 * the codec returns a result instead of throwing, a record without a value (a tombstone) is an empty
 * line, and a rejected record keeps its exact bytes and its position, the dead letter's key.
 */
public final class RecordDecodingSolution implements RecordDecoding {

    @Override
    public ParsedRecord parse(ConsumerRecord<byte[], byte[]> record) {
        byte[] value = record.value() == null ? new byte[0] : record.value();
        DecodeResult result = ClickstreamCodec.decode(value);
        if (result instanceof DecodeResult.Decoded decoded) {
            return new ParsedRecord(record.partition(), record.offset(), record.timestamp(), decoded.event(), null, null);
        }
        return new ParsedRecord(record.partition(), record.offset(), record.timestamp(), null, (CodecError) result, value);
    }
}
