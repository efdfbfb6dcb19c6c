package lambdalab.lab.drill;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import lambdalab.course.clickstream.ClickstreamCodec;
import lambdalab.course.clickstream.CodecError;

/**
 * Malformed clickstream lines of every kind the codec rejects, each made from a valid line so that it
 * looks like real input gone wrong (a field lost, a time in another format, a new action, bytes cut
 * in the middle of a character, a runaway line).
 */
final class MalformedLines {

    /** The 1 MB line: just below what a Kafka topic takes by default (1 MiB with the record's overhead). */
    static final int HUGE_BYTES = 1_000_000;
    /** The other oversize lines: twice the codec's limit, so the topic is not flooded with megabytes. */
    static final int LONG_BYTES = 2 * ClickstreamCodec.MAX_LINE_BYTES;

    /** Each kind of defect, with the reason the speed layer's dead letter must give for it. */
    enum Kind {
        FIELD_COUNT(CodecError.Reason.FIELD_COUNT),
        BAD_TIME(CodecError.Reason.BAD_TIMESTAMP),
        UNKNOWN_ACTION(CodecError.Reason.UNKNOWN_ACTION),
        INVALID_UTF8(CodecError.Reason.BAD_ENCODING),
        OVERSIZE(CodecError.Reason.OVERSIZE_LINE);

        final CodecError.Reason reason;

        Kind(CodecError.Reason reason) {
            this.reason = reason;
        }
    }

    private MalformedLines() {
    }

    /** {@code validLine} (the codec's encoding of an event) broken in the way of {@code kind}. */
    static byte[] make(Kind kind, String validLine, boolean huge) {
        String[] fields = validLine.split("\t", -1);
        return switch (kind) {
            case FIELD_COUNT -> utf8(String.join("\t", Arrays.copyOf(fields, fields.length - 1)));
            case BAD_TIME -> utf8(replaced(fields, 0, "2030-01-01 12:00:00"));
            case UNKNOWN_ACTION -> utf8(replaced(fields, 2, "teleport"));
            case INVALID_UTF8 -> invalidUtf8(fields);
            case OVERSIZE -> padded(validLine, huge ? HUGE_BYTES : LONG_BYTES);
        };
    }

    private static String replaced(String[] fields, int index, String value) {
        String[] copy = fields.clone();
        copy[index] = value;
        return String.join("\t", copy);
    }

    /** The line with a lone continuation byte and a cut two-byte sequence at the start of its visitor field. */
    private static byte[] invalidUtf8(String[] fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(String.join("\t", Arrays.copyOf(fields, 4)) + "\t"));
        out.writeBytes(new byte[] {(byte) 0x80, (byte) 0xC3});
        out.writeBytes(utf8(String.join("\t", Arrays.copyOfRange(fields, 4, fields.length))));
        return out.toByteArray();
    }

    /** The line with its last field grown until the line is {@code size} bytes long. */
    private static byte[] padded(String line, int size) {
        byte[] start = utf8(line);
        byte[] result = Arrays.copyOf(start, Math.max(size, start.length));
        Arrays.fill(result, start.length, result.length, (byte) 'x');
        return result;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
