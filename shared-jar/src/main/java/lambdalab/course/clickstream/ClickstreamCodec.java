package lambdalab.course.clickstream;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The clickstream wire format: one event per line, seven tab-separated fields
 * {@code timestamp_ms, referrer, action, prevPage, visitor, page, product}.
 *
 * <p>Every producer and consumer (generator, Kafka, file stream, Spark jobs) goes through this
 * class, so a format decision lives in one place. Decoding runs once per event in the streaming
 * jobs, hence the hand-written scanning: no regex, no split array, no substring for fields that
 * are parsed (timestamp, action) or canonical (known referrers).
 *
 * <p>Contract: {@code decode(encode(e))} gives back {@code e} for every event {@code encode}
 * accepts; {@code encode} refuses events that could not round-trip (tab or line break inside a
 * field, negative timestamp, line over {@link #MAX_LINE_BYTES}).
 */
public final class ClickstreamCodec {

    /** Longest accepted line in UTF-8 bytes, without its line terminator; a guard against garbage input. */
    public static final int MAX_LINE_BYTES = 4096;

    /** Number of fields in a line. */
    public static final int FIELD_COUNT = 7;

    /** The field separator. */
    public static final char SEPARATOR = '\t';

    /** "No tab found" for the field scanner. */
    private static final int NONE = -2;

    /** How many characters of a bad value an error message shows. */
    static final int SHOWN_CHARS = 60;

    /** A strict UTF-8 decoder per thread: decoders are stateful and not thread safe. */
    private static final ThreadLocal<CharsetDecoder> STRICT_UTF8 = ThreadLocal.withInitial(() ->
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));

    private ClickstreamCodec() {
    }

    // ---------------------------------------------------------------- encode

    /**
     * The event as one line, without a trailing newline (sinks add their own terminator or none,
     * as Kafka records need none).
     *
     * @throws IllegalArgumentException if the event could not be decoded again (see class doc)
     */
    public static String encode(ClickEvent event) {
        return appendTo(event, new StringBuilder(128)).toString();
    }

    /**
     * Appends the encoded line to {@code out} (no newline) and returns it: lets a writer reuse one
     * builder for millions of lines.
     *
     * @throws IllegalArgumentException if the event could not be decoded again (see class doc)
     */
    public static StringBuilder appendTo(ClickEvent event, StringBuilder out) {
        requireEncodable(event);
        int start = out.length();
        out.append(event.timestampMs()).append(SEPARATOR)
                .append(event.referrer()).append(SEPARATOR)
                .append(event.action().wireName()).append(SEPARATOR)
                .append(event.prevPage()).append(SEPARATOR)
                .append(event.visitor()).append(SEPARATOR)
                .append(event.page()).append(SEPARATOR)
                .append(event.product());
        int chars = out.length() - start;
        if (chars > MAX_LINE_BYTES / 3 && utf8Length(out, start, out.length()) > MAX_LINE_BYTES) {
            out.setLength(start); // leave the caller's builder as it was
            throw new IllegalArgumentException("encoded line would exceed MAX_LINE_BYTES=" + MAX_LINE_BYTES
                    + " bytes; product starts with '" + shown(event.product()) + "'");
        }
        return out;
    }

    /** Rejects values that would not decode back to the same event. */
    private static void requireEncodable(ClickEvent event) {
        if (event.timestampMs() < 0) {
            throw new IllegalArgumentException("timestamp_ms must not be negative, got " + event.timestampMs());
        }
        requireSingleField("referrer", event.referrer());
        requireSingleField("prevPage", event.prevPage());
        requireSingleField("visitor", event.visitor());
        requireSingleField("page", event.page());
        requireSingleField("product", event.product());
    }

    private static void requireSingleField(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == SEPARATOR || c == '\n' || c == '\r') {
                throw new IllegalArgumentException("field " + name
                        + " may not contain a tab or line break, got '" + shown(value) + "'");
            }
        }
    }

    // ---------------------------------------------------------------- decode

    /** Decodes one line; a trailing {@code \n}, {@code \r\n} or {@code \r} is ignored. */
    public static DecodeResult decode(String line) {
        int end = contentEnd(line);
        if (end > MAX_LINE_BYTES / 3) { // shorter lines cannot exceed the limit: 3 bytes per char at most
            int bytes = utf8Length(line, 0, end);
            if (bytes > MAX_LINE_BYTES) {
                return oversize(bytes, line);
            }
        }
        return decodeFields(line, end);
    }

    /** Decodes one line given as UTF-8 bytes (a Kafka record value, a file line). */
    public static DecodeResult decode(byte[] utf8Bytes) {
        return decode(utf8Bytes, 0, utf8Bytes.length);
    }

    /**
     * Decodes {@code length} UTF-8 bytes starting at {@code offset}: for buffers that are larger than
     * their content, such as Hadoop's {@code Text}. A trailing line terminator is ignored.
     */
    public static DecodeResult decode(byte[] bytes, int offset, int length) {
        int end = offset + length;
        if (end > offset && bytes[end - 1] == '\n') {
            end--;
        }
        if (end > offset && bytes[end - 1] == '\r') {
            end--;
        }
        int size = end - offset;
        if (size > MAX_LINE_BYTES) {
            // enough bytes for more than SHOWN_CHARS characters, decoded leniently: only for the message
            String head = new String(bytes, offset, (SHOWN_CHARS + 1) * 4, StandardCharsets.UTF_8);
            return oversize(size, head);
        }
        if (isAscii(bytes, offset, end)) {
            // ASCII is valid UTF-8 and Latin-1 decoding of it is a plain copy: the common, fast case.
            return decodeFields(new String(bytes, offset, size, StandardCharsets.ISO_8859_1), size);
        }
        return decodeStrictUtf8(bytes, offset, size);
    }

    private static DecodeResult decodeStrictUtf8(byte[] bytes, int offset, int size) {
        CharsetDecoder decoder = STRICT_UTF8.get().reset();
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, size);
        CharBuffer out = CharBuffer.allocate(size); // UTF-8 never yields more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            return new CodecError(CodecError.Reason.BAD_ENCODING, "line is not valid UTF-8: "
                    + (result.isMalformed() ? "malformed" : "unmappable") + " sequence of " + result.length()
                    + " byte(s) at byte offset " + (in.position() - offset));
        }
        String line = out.flip().toString();
        return decodeFields(line, line.length());
    }

    /** Splits {@code line[0, end)} at tabs by scanning and builds the event or the first error found. */
    private static DecodeResult decodeFields(String line, int end) {
        int t1 = nextTab(line, -1, end);
        int t2 = nextTab(line, t1, end);
        int t3 = nextTab(line, t2, end);
        int t4 = nextTab(line, t3, end);
        int t5 = nextTab(line, t4, end);
        int t6 = nextTab(line, t5, end);
        if (t6 == NONE || nextTab(line, t6, end) != NONE) {
            return fieldCountError(line, end);
        }
        long timestamp = parseTimestamp(line, 0, t1);
        if (timestamp < 0) {
            return new CodecError(CodecError.Reason.BAD_TIMESTAMP, "field timestamp_ms: expected a non-negative"
                    + " whole number of milliseconds, got '" + shown(line.substring(0, t1)) + "'");
        }
        Action action = Action.fromWire(line, t2 + 1, t3);
        if (action == null) {
            return new CodecError(CodecError.Reason.UNKNOWN_ACTION, "field action: expected purchase, add_to_cart"
                    + " or page_view, got '" + shown(line.substring(t2 + 1, t3)) + "'");
        }
        return new DecodeResult.Decoded(new ClickEvent(
                timestamp,
                referrer(line, t1 + 1, t2),
                action,
                line.substring(t3 + 1, t4),
                line.substring(t4 + 1, t5),
                line.substring(t5 + 1, t6),
                line.substring(t6 + 1, end)));
    }

    /**
     * Index of the first tab after position {@code previous} (-1 for the start of the line) and
     * before {@code end}; {@link #NONE} if there is none or {@code previous} already was NONE, so a
     * chain of calls needs one check at its end.
     */
    private static int nextTab(String line, int previous, int end) {
        if (previous == NONE) {
            return NONE;
        }
        int tab = line.indexOf(SEPARATOR, previous + 1);
        return tab >= 0 && tab < end ? tab : NONE;
    }

    /** The known referrer spelled at {@code line[from, to)} without allocating, else a copy of the text. */
    private static String referrer(String line, int from, int to) {
        int length = to - from;
        for (String known : Domain.REFERRERS) {
            if (known.length() == length && line.regionMatches(from, known, 0, length)) {
                return known;
            }
        }
        return line.substring(from, to);
    }

    /** Parses decimal digits in {@code line[from, to)}; -1 when empty, not all digits, or beyond a long. */
    static long parseTimestamp(String line, int from, int to) {
        if (from == to || to - from > 19) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = line.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
            if (value < 0) {
                return -1; // 19 digits above Long.MAX_VALUE wrap around
            }
        }
        return value;
    }

    private static CodecError fieldCountError(String line, int end) {
        int fields = 1;
        for (int i = 0; i < end; i++) {
            if (line.charAt(i) == SEPARATOR) {
                fields++;
            }
        }
        return new CodecError(CodecError.Reason.FIELD_COUNT, "expected " + FIELD_COUNT
                + " tab-separated fields (timestamp_ms, referrer, action, prevPage, visitor, page, product), found "
                + fields + " in line '" + shown(line.substring(0, end)) + "'");
    }

    private static CodecError oversize(int bytes, String line) {
        return new CodecError(CodecError.Reason.OVERSIZE_LINE, "line is " + bytes
                + " bytes, more than MAX_LINE_BYTES=" + MAX_LINE_BYTES + "; it starts with '" + shown(line) + "'");
    }

    // ---------------------------------------------------------------- helpers

    /** Line length without one trailing {@code \n} and then one trailing {@code \r}. */
    private static int contentEnd(String line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    private static boolean isAscii(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** UTF-8 length of {@code text[from, to)}; each half of a surrogate pair counts 2 (a pair is 4 bytes). */
    static int utf8Length(CharSequence text, int from, int to) {
        int bytes = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    /** A value made safe and short for a message: control characters escaped, cut after {@link #SHOWN_CHARS}. */
    static String shown(String value) {
        boolean cut = value.length() > SHOWN_CHARS;
        String head = cut ? value.substring(0, SHOWN_CHARS) : value;
        String escaped = head.replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
        return cut ? escaped + "..." : escaped;
    }
}
