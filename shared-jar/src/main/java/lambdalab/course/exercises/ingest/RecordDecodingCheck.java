package lambdalab.course.exercises.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.clickstream.ClickstreamCodec;
import lambdalab.course.exercises.Check;
import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.SampleEvents;
import lambdalab.course.exercises.WrongAnswer;
import lambdalab.course.speed.ParsedRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * Checks a {@link RecordDecoding} on valid records and on one bad record of every kind the codec
 * rejects, plus a record without a value: valid ones decoded with their position and time, bad ones
 * rejected with the codec's reason, their exact bytes and their position. Names the usual mistakes:
 * throwing (a poison pill), dropping the reason, changing the bytes, losing the position.
 */
public final class RecordDecodingCheck implements Check<RecordDecoding> {

    private static final String TOPIC = "weblogs-text";
    private static final long PRODUCED_AT = Instant.parse("2024-03-01T10:00:00Z").toEpochMilli();

    @Override
    public String verify(RecordDecoding attempt) {
        long offset = 100;
        for (ClickEvent event : SampleEvents.of(3, 9, PRODUCED_AT).events()) {
            ConsumerRecord<byte[], byte[]> record = record(offset++, ClickstreamCodec.encode(event).getBytes(StandardCharsets.UTF_8));
            ParsedRecord parsed = parse(attempt, record, "a valid line");
            if (!parsed.valid() || !event.equals(parsed.event())) {
                throw new WrongAnswer("the valid line " + ClickstreamCodec.encode(event).replace('\t', ' ') + " gave "
                        + (parsed.valid() ? parsed.event() : "a rejection (" + parsed.error() + ")")
                        + ": decode it with ClickstreamCodec.decode and keep the event");
            }
            requirePosition(parsed, record, "a valid line");
        }
        for (Map.Entry<String, byte[]> bad : badValues().entrySet()) {
            ConsumerRecord<byte[], byte[]> record = record(offset++, bad.getValue());
            requireRejected(parse(attempt, record, bad.getKey()), record, bad.getKey());
        }
        return "3 valid records and 6 bad ones (each kind the codec rejects, and no value at all)";
    }

    private static Map<String, byte[]> badValues() {
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("a line of 3 fields", "1709287200000\tGoogle\tpage_view".getBytes(StandardCharsets.UTF_8));
        bad.put("a line whose time is no number",
                "yesterday\tGoogle\tpage_view\t\tVisitor-1\tPage-2\tBrand,Thing".getBytes(StandardCharsets.UTF_8));
        bad.put("a line with an unknown action",
                "1709287200000\tGoogle\tsteal\t\tVisitor-1\tPage-2\tBrand,Thing".getBytes(StandardCharsets.UTF_8));
        bad.put("bytes that are not UTF-8", new byte[] {'1', '\t', (byte) 0xC3, (byte) 0x28, '\t', (byte) 0xFF});
        byte[] huge = new byte[ClickstreamCodec.MAX_LINE_BYTES + 100];
        Arrays.fill(huge, (byte) 'x');
        bad.put("a line of " + huge.length + " bytes", huge);
        bad.put("a record without a value (a tombstone)", null);
        return bad;
    }

    private static ParsedRecord parse(RecordDecoding attempt, ConsumerRecord<byte[], byte[]> record, String what) {
        ParsedRecord parsed;
        try {
            parsed = attempt.parse(record);
        } catch (MissingSolutionException notWrittenYet) {
            throw notWrittenYet;
        } catch (RuntimeException e) {
            throw new WrongAnswer("it threw " + e + " on " + what + ": one bad record would fail its batch, and after a "
                    + "restart the same batch again, forever (a poison pill); return it as a rejected ParsedRecord "
                    + "with the codec's reason instead", e);
        }
        if (parsed == null) {
            throw new WrongAnswer("it returned null for " + what + ": every record becomes a ParsedRecord, valid or "
                    + "rejected; a dropped record is lost without a trace");
        }
        return parsed;
    }

    private static void requireRejected(ParsedRecord parsed, ConsumerRecord<byte[], byte[]> record, String what) {
        if (parsed.valid()) {
            throw new WrongAnswer(what + " was accepted as " + parsed.event() + ": only what ClickstreamCodec.decode "
                    + "decodes is an event");
        }
        if (parsed.error() == null || parsed.error().reason() == null) {
            throw new WrongAnswer(what + " was rejected without the codec's CodecError: the dead letter carries the "
                    + "reason, so someone can tell what to fix");
        }
        byte[] original = record.value() == null ? new byte[0] : record.value();
        if (!Arrays.equals(original, parsed.rejectedBytes())) {
            throw new WrongAnswer("the dead letter of " + what + " holds other bytes than the record's ("
                    + (parsed.rejectedBytes() == null ? "none" : parsed.rejectedBytes().length + " bytes for "
                    + original.length) + "): keep the value exactly as it came (invalid UTF-8 included; no value is an "
                    + "empty array), so it can be inspected and sent again");
        }
        requirePosition(parsed, record, what);
    }

    private static void requirePosition(ParsedRecord parsed, ConsumerRecord<byte[], byte[]> record, String what) {
        if (parsed.partition() != record.partition() || parsed.offset() != record.offset()) {
            throw new WrongAnswer(what + " lost its position (partition " + parsed.partition() + ", offset "
                    + parsed.offset() + " instead of " + record.partition() + ", " + record.offset() + "): the position "
                    + "names the raw file and keys the dead letter (" + TOPIC + "-" + record.partition() + "@"
                    + record.offset() + "), which makes a replayed batch write the same ones again, not second copies");
        }
        if (parsed.producedAtMs() != record.timestamp()) {
            throw new WrongAnswer(what + " lost the record's timestamp (" + parsed.producedAtMs() + " instead of "
                    + record.timestamp() + "): the speed layer measures the time from produced to visible with it");
        }
    }

    private static ConsumerRecord<byte[], byte[]> record(long offset, byte[] value) {
        return new ConsumerRecord<>(TOPIC, 1, offset, PRODUCED_AT + offset, TimestampType.CREATE_TIME, 0,
                value == null ? 0 : value.length, null, value, new RecordHeaders(), Optional.empty());
    }
}
