package lambdalab.sensorapp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import lambdalab.course.lambdaplus.SensorReading;

/**
 * Turns a request body into readings, or refuses it as a whole ({@link ReadingsRejected}): one bad
 * reading rejects the request, so a client never has to find out which half of its batch was stored.
 *
 * <p>It reads the body with Jackson's streaming parser, token by token, rather than binding it to
 * objects: binding would quietly accept what a sensor should be told about (a reading of {@code "21.3"}
 * as text, a sensor id of {@code 1.5} truncated to 1, a duplicate key whose last value wins, a number
 * too large for a long, a second JSON value after the first). Every check names the field and the
 * index, so the message tells the client what to change. It never descends into nested values: a
 * value of the wrong type is refused at its first token, however deep it goes.
 *
 * <p>Pure: no I/O but the body, and the clock only for the "not in the future" check.
 */
public final class ReadingsParser {

    /** Most readings one request may carry: a request is written and answered as one unit. */
    public static final int MAX_READINGS = 10_000;
    /** The largest reading magnitude accepted: beyond it a value is a broken sensor, not a temperature. */
    public static final double MAX_ABS_READING = 1e9;
    /** 2000-01-01T00:00:00Z: anything earlier is a clock that was never set (or seconds, not millis). */
    public static final long MIN_TS = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();

    private static final String EXAMPLE = "{\"sensor_id\": 42, \"reading\": 21.375, \"ts\": 1764710000123}";
    private static final int MAX_NAME_SHOWN = 40;

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION) // never echo the body back
            .build();

    private final Clock clock;
    private final long maxFutureMillis;

    /**
     * @param clock            the server's clock, for the "not too far in the future" check
     * @param maxFutureSeconds how far ahead of the server's clock a reading's ts may be
     */
    public ReadingsParser(Clock clock, long maxFutureSeconds) {
        if (maxFutureSeconds < 0) {
            throw new IllegalArgumentException("max future seconds must not be negative, got " + maxFutureSeconds);
        }
        this.clock = clock;
        this.maxFutureMillis = Math.multiplyExact(maxFutureSeconds, 1000L);
    }

    /** The readings of {@code body} (UTF-8 JSON): one object, or an array of 1 to {@link #MAX_READINGS}. */
    public List<SensorReading> parse(byte[] body) throws ReadingsRejected {
        if (body == null || body.length == 0) {
            throw new ReadingsRejected(400, null, "the body is empty: send one reading as a JSON object, e.g. "
                    + EXAMPLE + ", or an array of them");
        }
        long now = clock.millis();
        List<SensorReading> readings = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                readings.add(readObject(parser, 0, now));
            } else if (first == JsonToken.START_ARRAY) {
                readArray(parser, readings, now);
            } else {
                throw new ReadingsRejected(400, null, "the body must be a JSON object (one reading) or an array of "
                        + "them, e.g. " + EXAMPLE + "; it starts with " + describe(first));
            }
            JsonToken after = nextTokenAt(parser, null);
            if (after != null) {
                throw new ReadingsRejected(400, null, "the body holds more than one JSON value (found "
                        + describe(after) + " after the first): send one object or one array of objects");
            }
        } catch (JsonProcessingException e) {
            // a number the parser cannot convert (checked before converting, so not expected)
            throw new ReadingsRejected(400, null, "the body is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException | RuntimeException e) {
            // a body the tokenizer let through but a conversion refused: still the client's body, never a 5xx
            throw new ReadingsRejected(400, null, "the body could not be read as readings (" + e + ")");
        }
        return readings;
    }

    private void readArray(JsonParser parser, List<SensorReading> readings, long now)
            throws IOException, ReadingsRejected {
        while (true) {
            int index = readings.size();
            JsonToken token = nextTokenAt(parser, index);
            if (token == JsonToken.END_ARRAY) {
                break;
            }
            if (index >= MAX_READINGS) {
                throw new ReadingsRejected(413, index, "too many readings in one request: at most " + MAX_READINGS
                        + " per request; split the batch into several requests");
            }
            if (token != JsonToken.START_OBJECT) {
                throw new ReadingsRejected(400, index, "reading " + index + " must be a JSON object like " + EXAMPLE
                        + ", got " + describe(token));
            }
            readings.add(readObject(parser, index, now));
        }
        if (readings.isEmpty()) {
            throw new ReadingsRejected(400, null, "the array holds no readings: send at least one, e.g. ["
                    + EXAMPLE + "]");
        }
    }

    /** Reads the fields of an object whose START_OBJECT was just read, up to its END_OBJECT. */
    private SensorReading readObject(JsonParser parser, int index, long now) throws IOException, ReadingsRejected {
        Integer sensorId = null;
        Double value = null;
        Long ts = null;
        while (true) {
            JsonToken token = nextTokenAt(parser, index);
            if (token == JsonToken.END_OBJECT) {
                break;
            }
            if (token != JsonToken.FIELD_NAME) { // the parser reports anything else as an error; a guard
                throw rejected(index, "expected a field name, got " + describe(token));
            }
            String name = parser.currentName();
            JsonToken valueToken = nextTokenAt(parser, index);
            switch (name) {
                case "sensor_id" -> {
                    requireFirst(sensorId, name, index);
                    sensorId = sensorId(parser, valueToken, index);
                }
                case "reading" -> {
                    requireFirst(value, name, index);
                    value = reading(parser, valueToken, index);
                }
                case "ts" -> {
                    requireFirst(ts, name, index);
                    ts = ts(parser, valueToken, index, now);
                }
                default -> throw rejected(index, "unknown field \"" + shorten(name)
                        + "\": a reading has exactly sensor_id, reading and ts, e.g. " + EXAMPLE);
            }
        }
        List<String> missing = new ArrayList<>();
        if (sensorId == null) {
            missing.add("sensor_id");
        }
        if (value == null) {
            missing.add("reading");
        }
        if (ts == null) {
            missing.add("ts");
        }
        if (!missing.isEmpty()) {
            throw rejected(index, "missing " + String.join(", ", missing) + ": a reading has sensor_id, reading and "
                    + "ts, e.g. " + EXAMPLE);
        }
        return new SensorReading(sensorId, value, ts);
    }

    private static int sensorId(JsonParser parser, JsonToken token, int index) throws IOException, ReadingsRejected {
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw rejected(index, "sensor_id must be a whole number (0 to " + Integer.MAX_VALUE + "), got "
                    + describe(token));
        }
        if (parser.getNumberType() != JsonParser.NumberType.INT) {
            throw rejected(index, "sensor_id is too large: it must be a whole number from 0 to " + Integer.MAX_VALUE);
        }
        int id = parser.getIntValue();
        if (id < 0) {
            throw rejected(index, "sensor_id must not be negative, got " + id);
        }
        return id;
    }

    private static double reading(JsonParser parser, JsonToken token, int index) throws IOException, ReadingsRejected {
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw rejected(index, "reading must be a JSON number, e.g. 21.375, got " + describe(token));
        }
        double value = parser.getDoubleValue(); // an integer too large for a long still gives its double
        if (!Double.isFinite(value) || Math.abs(value) > MAX_ABS_READING) {
            throw rejected(index, "reading is out of range: it must be a finite number between -" + (long) MAX_ABS_READING
                    + " and " + (long) MAX_ABS_READING);
        }
        return value;
    }

    private long ts(JsonParser parser, JsonToken token, int index, long now) throws IOException, ReadingsRejected {
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw rejected(index, "ts must be a whole number of epoch milliseconds, e.g. 1764710000123, got "
                    + describe(token));
        }
        JsonParser.NumberType type = parser.getNumberType();
        if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
            throw rejected(index, "ts is too large for epoch milliseconds: send the time in milliseconds since "
                    + "1970-01-01T00:00:00Z");
        }
        long ts = parser.getLongValue();
        if (ts < MIN_TS) {
            throw rejected(index, "ts " + ts + " is before 2000-01-01: send epoch milliseconds (not seconds), "
                    + "from a clock that is set");
        }
        if (ts - now > maxFutureMillis) {
            throw rejected(index, "ts " + ts + " (" + Instant.ofEpochMilli(ts) + ") is more than "
                    + maxFutureMillis / 1000 + " s ahead of the server's clock (" + Instant.ofEpochMilli(now)
                    + "): check the sensor's clock");
        }
        return ts;
    }

    private static void requireFirst(Object seen, String name, int index) throws ReadingsRejected {
        if (seen != null) {
            throw rejected(index, "duplicate field \"" + name + "\": give each field once");
        }
    }

    /** The next token; a syntax error (or a too long number, a too deep nesting) becomes a rejection. */
    private static JsonToken nextTokenAt(JsonParser parser, Integer index) throws ReadingsRejected {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            throw new ReadingsRejected(400, index, "the body is not valid JSON (" + e.getOriginalMessage()
                    + ", line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + "); numbers like NaN and Infinity are not JSON: send finite numbers");
        } catch (IOException e) {
            throw new ReadingsRejected(400, index, "the body is not valid UTF-8 JSON (" + e.getMessage() + ")");
        }
    }

    private static ReadingsRejected rejected(int index, String message) {
        return new ReadingsRejected(400, index, "reading " + index + ": " + message);
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the body";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "a whole number";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }

    private static String shorten(String name) {
        return name.length() <= MAX_NAME_SHOWN ? name : name.substring(0, MAX_NAME_SHOWN) + "...";
    }
}
