package lambdalab.sensorapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import lambdalab.course.lambdaplus.SensorReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadingsParserTest {

    private static final Instant NOW = Instant.parse("2025-12-02T22:00:00Z");
    private static final long TS = 1764710000123L; // 2025-12-02T21:13:20.123Z, before NOW
    private static final String VALID = "{\"sensor_id\": 42, \"reading\": 21.375, \"ts\": " + TS + "}";

    private final ReadingsParser parser = new ReadingsParser(Clock.fixed(NOW, ZoneOffset.UTC), 60);

    private List<SensorReading> parse(String body) throws ReadingsRejected {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private ReadingsRejected rejection(String body) {
        try {
            List<SensorReading> readings = parse(body);
            return fail("accepted " + body + " as " + readings);
        } catch (ReadingsRejected rejected) {
            assertThat(rejected.status()).isBetween(400, 499);
            assertThat(rejected.getMessage()).isNotBlank();
            return rejected;
        }
    }

    @Test
    void parsesOneObjectExactly() throws ReadingsRejected {
        assertThat(parse(VALID)).containsExactly(new SensorReading(42, 21.375, TS));
    }

    @Test
    void parsesAnArrayExactlyInOrder() throws ReadingsRejected {
        String body = "[" + VALID + ", {\"ts\": " + (TS + 1) + ", \"reading\": -3, \"sensor_id\": 0},"
                + "{\"sensor_id\": 2147483647, \"reading\": 1e9, \"ts\": 946684800000}]";
        assertThat(parse(body)).containsExactly(new SensorReading(42, 21.375, TS), new SensorReading(0, -3.0, TS + 1),
                new SensorReading(Integer.MAX_VALUE, 1e9, 946684800000L));
    }

    @Test
    void acceptsATsUpToTheAllowedFuture() throws ReadingsRejected {
        assertThat(parse("{\"sensor_id\": 1, \"reading\": 1, \"ts\": " + (NOW.toEpochMilli() + 60_000) + "}"))
                .hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "empty body||empty",
        "not json|hello|not valid JSON",
        "a number|42|must be a JSON object",
        "a string|`\"x\"`|must be a JSON object",
        "null|null|must be a JSON object",
        "empty array|[]|no readings",
        "array of numbers|[1, 2]|reading 0 must be a JSON object",
        "nested arrays|[[" + "{}]]|reading 0 must be a JSON object",
        "missing ts|`{\"sensor_id\": 1, \"reading\": 2}`|missing ts",
        "missing everything|{}|missing sensor_id, reading, ts",
        "reading as text|`{\"sensor_id\": 1, \"reading\": \"hot\", \"ts\": 1764710000123}`|reading must be a JSON number",
        "reading NaN text|`{\"sensor_id\": 1, \"reading\": \"NaN\", \"ts\": 1764710000123}`|reading must be a JSON number",
        "reading NaN token|`{\"sensor_id\": 1, \"reading\": NaN, \"ts\": 1764710000123}`|not valid JSON",
        "reading Infinity|`{\"sensor_id\": 1, \"reading\": Infinity, \"ts\": 1764710000123}`|not valid JSON",
        "reading -Infinity|`{\"sensor_id\": 1, \"reading\": -Infinity, \"ts\": 1764710000123}`|not valid JSON",
        "reading 1e999|`{\"sensor_id\": 1, \"reading\": 1e999, \"ts\": 1764710000123}`|out of range",
        "reading too large|`{\"sensor_id\": 1, \"reading\": 1000000000.5, \"ts\": 1764710000123}`|out of range",
        "reading huge int|`{\"sensor_id\": 1, \"reading\": 123456789012345678901234567890, \"ts\": 1764710000123}`|out of range",
        "reading null|`{\"sensor_id\": 1, \"reading\": null, \"ts\": 1764710000123}`|reading must be a JSON number",
        "reading object|`{\"sensor_id\": 1, \"reading\": {\"v\": 1}, \"ts\": 1764710000123}`|reading must be a JSON number",
        "sensor_id decimal|`{\"sensor_id\": 1.5, \"reading\": 2, \"ts\": 1764710000123}`|sensor_id must be a whole number",
        "sensor_id text|`{\"sensor_id\": \"1\", \"reading\": 2, \"ts\": 1764710000123}`|sensor_id must be a whole number",
        "sensor_id negative|`{\"sensor_id\": -1, \"reading\": 2, \"ts\": 1764710000123}`|sensor_id must not be negative",
        "sensor_id too large|`{\"sensor_id\": 2147483648, \"reading\": 2, \"ts\": 1764710000123}`|sensor_id is too large",
        "ts text|`{\"sensor_id\": 1, \"reading\": 2, \"ts\": \"1764710000123\"}`|ts must be a whole number",
        "ts decimal|`{\"sensor_id\": 1, \"reading\": 2, \"ts\": 1764710000123.5}`|ts must be a whole number",
        "ts huge|`{\"sensor_id\": 1, \"reading\": 2, \"ts\": 99999999999999999999999}`|ts is too large",
        "ts in seconds|`{\"sensor_id\": 1, \"reading\": 2, \"ts\": 1764710000}`|before 2000-01-01",
        "ts negative|`{\"sensor_id\": 1, \"reading\": 2, \"ts\": -5}`|before 2000-01-01",
        "ts far future|`{\"sensor_id\": 1, \"reading\": 2, \"ts\": 1764712860001}`|ahead of the server's clock",
        "unknown field|`{\"sensor_id\": 1, \"reading\": 2, \"ts\": 1764710000123, \"unit\": \"C\"}`|unknown field \"unit\"",
        "duplicate key|`{\"sensor_id\": 1, \"reading\": 2, \"reading\": 3, \"ts\": 1764710000123}`|uplicate field",
        "trailing garbage|`{\"sensor_id\": 1, \"reading\": 2, \"ts\": 1764710000123} x`|not valid JSON",
        "two values|`{\"sensor_id\": 1, \"reading\": 2, \"ts\": 1764710000123} {}`|more than one JSON value",
        "truncated|`{\"sensor_id\": 1, \"reading\": 2, \"ts\": 1764710000123`|not valid JSON",
        "truncated in a name|`{\"sensor_id\": 1, \"rea`|not valid JSON",
        "unclosed array|`[{\"sensor_id\": 1, \"reading\": 2, \"ts\": 1764710000123}`|not valid JSON",
        "comment|`/* hi */ {\"sensor_id\": 1, \"reading\": 2, \"ts\": 1764710000123}`|not valid JSON",
        "leading zero|`{\"sensor_id\": 01, \"reading\": 2, \"ts\": 1764710000123}`|not valid JSON",
    })
    void rejects(String kind, String body, String expected) {
        ReadingsRejected rejected = rejection(body == null ? "" : body);
        assertThat(rejected.getMessage()).as(kind).contains(expected);
        assertThat(rejected.status()).as(kind).isEqualTo(400);
    }

    @Test
    void namesTheIndexOfTheBadReading() {
        String bad = "{\"sensor_id\": 7, \"reading\": \"hot\", \"ts\": " + TS + "}";
        ReadingsRejected rejected = rejection("[" + VALID + "," + VALID + "," + bad + "]");
        assertThat(rejected.index()).isEqualTo(2);
        assertThat(rejected.getMessage()).startsWith("reading 2: reading must be a JSON number");
    }

    @Test
    void aSingleObjectIsIndexZero() {
        assertThat(rejection("{\"sensor_id\": -4, \"reading\": 1, \"ts\": " + TS + "}").index()).isZero();
    }

    @Test
    void refusesMoreThanTheMaximumReadings() {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i <= ReadingsParser.MAX_READINGS; i++) {
            body.append(i == 0 ? "" : ",").append(VALID);
        }
        ReadingsRejected rejected = rejection(body.append(']').toString());
        assertThat(rejected.status()).isEqualTo(413);
        assertThat(rejected.getMessage()).contains("at most " + ReadingsParser.MAX_READINGS);
    }

    @Test
    void acceptsExactlyTheMaximumReadings() throws ReadingsRejected {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < ReadingsParser.MAX_READINGS; i++) {
            body.append(i == 0 ? "" : ",").append("{\"sensor_id\":").append(i).append(",\"reading\":1.5,\"ts\":")
                    .append(TS).append('}');
        }
        assertThat(parse(body.append(']').toString())).hasSize(ReadingsParser.MAX_READINGS);
    }

    @Test
    void deeplyNestedArraysAreRefusedAtTheirFirstToken() {
        String body = "[".repeat(100_000) + "]".repeat(100_000);
        assertThat(rejection(body).getMessage()).contains("reading 0 must be a JSON object");
        assertThat(rejection("{\"sensor_id\":" + "[".repeat(100_000)).getMessage()).contains("sensor_id");
    }

    @Test
    void neverEchoesTheBody() {
        String secret = "s3cr3t" + "x".repeat(5000);
        String message = rejection("{\"sensor_id\": 1, \"reading\": " + secret + "}").getMessage();
        assertThat(message).doesNotContain(secret).hasSizeLessThan(1000);
        String field = "f".repeat(5000);
        assertThat(rejection("{\"" + field + "\": 1}").getMessage()).hasSizeLessThan(1000);
    }

    @Test
    void invalidUtf8IsRejected() {
        byte[] body = VALID.getBytes(StandardCharsets.UTF_8);
        body[5] = (byte) 0xC3; // inside the field name: a lead byte without its continuation
        body[6] = (byte) 0x28;
        assertThatThrownBy(() -> parser.parse(body)).isInstanceOf(ReadingsRejected.class);
    }

    /** Random mutations of valid bodies: whatever they are, the parser answers or rejects, never throws else. */
    @Test
    void fuzzedBodiesOnlyEverGiveReadingsOrARejection() {
        Random random = new Random(20251202);
        String[] seeds = {VALID, "[" + VALID + "," + VALID.replace("42", "7") + "]",
                "{\"ts\": " + TS + ", \"sensor_id\": 0, \"reading\": -0.001}"};
        String[] swaps = {"\"hot\"", "null", "true", "[]", "{}", "1e999", "-1", "1.5", "NaN", "99999999999999999999",
                "\"\"", "[[[[", "}", "]", ",", ":", "\\u0000", "1e-999", "-0", "9223372036854775808"};
        int accepted = 0;
        for (int round = 0; round < 5000; round++) {
            byte[] body = mutate(seeds[random.nextInt(seeds.length)], swaps, random);
            try {
                List<SensorReading> readings = parser.parse(body);
                assertThat(readings).isNotEmpty();
                accepted++;
            } catch (ReadingsRejected rejected) {
                assertThat(rejected.status()).isBetween(400, 499);
                assertThat(rejected.getMessage()).isNotBlank()
                        .doesNotStartWith("the body could not be read as readings"); // the catch-all: a bug
            } catch (Throwable other) {
                fail("round " + round + ": " + new String(body, StandardCharsets.ISO_8859_1) + " threw " + other, other);
            }
        }
        assertThat(accepted).as("some mutations stay valid").isPositive();
    }

    private static byte[] mutate(String seed, String[] swaps, Random random) {
        byte[] bytes = seed.getBytes(StandardCharsets.UTF_8);
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && bytes.length > 0; m++) {
            switch (random.nextInt(5)) {
                case 0 -> bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length)); // truncate
                case 1 -> bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256); // flip a byte
                case 2 -> { // swap a value for another type
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    int colon = text.indexOf(':', random.nextInt(text.length()));
                    if (colon >= 0) {
                        int end = colon + 1;
                        while (end < text.length() && ",}]".indexOf(text.charAt(end)) < 0) {
                            end++;
                        }
                        text = text.substring(0, colon + 1) + swaps[random.nextInt(swaps.length)] + text.substring(end);
                    }
                    bytes = text.getBytes(StandardCharsets.UTF_8);
                }
                case 3 -> { // duplicate a slice
                    int from = random.nextInt(bytes.length);
                    int to = from + random.nextInt(bytes.length - from);
                    byte[] longer = new byte[bytes.length + (to - from)];
                    System.arraycopy(bytes, 0, longer, 0, to);
                    System.arraycopy(bytes, from, longer, to, bytes.length - from);
                    bytes = longer;
                }
                default -> { // insert a structural character
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    int at = random.nextInt(text.length() + 1);
                    text = text.substring(0, at) + "{}[],:\"".charAt(random.nextInt(7)) + text.substring(at);
                    bytes = text.getBytes(StandardCharsets.UTF_8);
                }
            }
        }
        return bytes;
    }
}
