package lambdalab.course.clickstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import lambdalab.course.clickstream.CodecError.Reason;
import org.junit.jupiter.api.Test;

class ClickstreamCodecTest {

    private static final ClickEvent INTERNAL_VIEW = new ClickEvent(1_704_067_200_480L, "Internal",
            Action.PAGE_VIEW, "Page-3", "Visitor-17", "Page-9", "Quillmarsh,Dot Grid Notebook A5");
    private static final String INTERNAL_VIEW_LINE =
            "1704067200480\tInternal\tpage_view\tPage-3\tVisitor-17\tPage-9\tQuillmarsh,Dot Grid Notebook A5";
    private static final String GOOD_LINE = "1000\tGoogle\tpurchase\t\tVisitor-1\tPage-2\tBrand,Thing";

    @Test
    void encodesTheSevenFieldsInOrderWithoutNewline() {
        assertThat(ClickstreamCodec.encode(INTERNAL_VIEW)).isEqualTo(INTERNAL_VIEW_LINE);
    }

    @Test
    void productWithACommaRoundTrips() {
        assertThat(ClickstreamCodec.decode(INTERNAL_VIEW_LINE).orElseThrow()).isEqualTo(INTERNAL_VIEW);
        assertThat(ClickstreamCodec.decode(bytes(INTERNAL_VIEW_LINE)).orElseThrow()).isEqualTo(INTERNAL_VIEW);
    }

    @Test
    void generatedEventsRoundTripAsTextAndAsBytes() {
        ClickstreamGenerator generator = new ClickstreamGenerator(GeneratorSettings.builder().events(50_000).build());
        while (generator.hasNext()) {
            ClickEvent event = generator.next();
            String line = ClickstreamCodec.encode(event);
            assertThat(ClickstreamCodec.decode(line)).isEqualTo(new DecodeResult.Decoded(event));
            assertThat(ClickstreamCodec.decode(bytes(line))).isEqualTo(new DecodeResult.Decoded(event));
        }
    }

    @Test
    void emptyPrevPageAndUnknownReferrerAreValid() {
        ClickEvent event = ClickstreamCodec.decode("5\tNewsletter\tadd_to_cart\t\tVisitor-0\tPage-0\tA,B").orElseThrow();
        assertThat(event.prevPage()).isEmpty();
        assertThat(event.referrer()).isEqualTo("Newsletter");
        assertThat(event.action()).isEqualTo(Action.ADD_TO_CART);
    }

    @Test
    void toleratesOneTrailingLineTerminator() {
        ClickEvent expected = ClickstreamCodec.decode(GOOD_LINE).orElseThrow();
        for (String terminator : new String[] {"\n", "\r\n", "\r"}) {
            assertThat(ClickstreamCodec.decode(GOOD_LINE + terminator).orElseThrow()).isEqualTo(expected);
            assertThat(ClickstreamCodec.decode(bytes(GOOD_LINE + terminator)).orElseThrow()).isEqualTo(expected);
        }
    }

    @Test
    void decodesNonAsciiUtf8() {
        String line = "7\tOther\tpage_view\t\tVisitor-3\tPage-1\tBrännvik,Kaffekopp Ø 9cm";
        assertThat(ClickstreamCodec.decode(bytes(line)).orElseThrow().product()).isEqualTo("Brännvik,Kaffekopp Ø 9cm");
    }

    @Test
    void decodesASliceOfABuffer() {
        byte[] buffer = bytes("xx" + GOOD_LINE + "\nyy");
        assertThat(ClickstreamCodec.decode(buffer, 2, GOOD_LINE.length() + 1).orElseThrow())
                .isEqualTo(ClickstreamCodec.decode(GOOD_LINE).orElseThrow());
    }

    @Test
    void fieldCountErrorsSayHowManyFieldsThereWere() {
        assertError("1000\tGoogle\tpurchase\t\tVisitor-1\tPage-2", Reason.FIELD_COUNT, "found 6");
        assertError(GOOD_LINE + "\textra", Reason.FIELD_COUNT, "found 8");
        assertError("", Reason.FIELD_COUNT, "found 1");
        assertError("1000 Google purchase", Reason.FIELD_COUNT, "expected 7 tab-separated fields");
    }

    @Test
    void badTimestampsAreNamed() {
        assertError("12a\tGoogle\tpurchase\t\tV\tP\tA,B", Reason.BAD_TIMESTAMP, "field timestamp_ms", "'12a'");
        assertError("\tGoogle\tpurchase\t\tV\tP\tA,B", Reason.BAD_TIMESTAMP, "''");
        assertError("-5\tGoogle\tpurchase\t\tV\tP\tA,B", Reason.BAD_TIMESTAMP, "'-5'");
        assertError("9223372036854775808\tGoogle\tpurchase\t\tV\tP\tA,B", Reason.BAD_TIMESTAMP, "9223372036854775808");
        assertError("9999999999999999999\tGoogle\tpurchase\t\tV\tP\tA,B", Reason.BAD_TIMESTAMP, "9999");
        assertError("99999999999999999999\tGoogle\tpurchase\t\tV\tP\tA,B", Reason.BAD_TIMESTAMP, "9999");
        assertThat(ClickstreamCodec.decode("9223372036854775807\tG\tpurchase\t\tV\tP\tA,B").orElseThrow().timestampMs())
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void unknownActionsAreNamedAndLongValuesTruncated() {
        assertError("1\tGoogle\tbuy\t\tV\tP\tA,B", Reason.UNKNOWN_ACTION, "field action", "'buy'");
        assertError("1\tGoogle\tPURCHASE\t\tV\tP\tA,B", Reason.UNKNOWN_ACTION, "'PURCHASE'");
        CodecError error = (CodecError) ClickstreamCodec.decode("1\tGoogle\t" + "x".repeat(500) + "\t\tV\tP\tA,B");
        assertThat(error.reason()).isEqualTo(Reason.UNKNOWN_ACTION);
        assertThat(error.message()).contains("x".repeat(ClickstreamCodec.SHOWN_CHARS) + "...").hasSizeLessThan(200);
    }

    @Test
    void invalidUtf8IsABadEncoding() {
        byte[] line = bytes(GOOD_LINE);
        byte[] broken = new byte[line.length + 2];
        System.arraycopy(line, 0, broken, 0, line.length);
        broken[line.length] = (byte) 0xC3; // a two-byte lead ...
        broken[line.length + 1] = (byte) 0x28; // ... followed by '(' instead of a continuation byte
        CodecError error = (CodecError) ClickstreamCodec.decode(broken);
        assertThat(error.reason()).isEqualTo(Reason.BAD_ENCODING);
        assertThat(error.message()).contains("UTF-8").contains("byte offset " + line.length);
    }

    @Test
    void linesOverMaxLineBytesAreOversize() {
        String product = "A," + "b".repeat(ClickstreamCodec.MAX_LINE_BYTES);
        String line = "1\tGoogle\tpurchase\t\tV\tP\t" + product;
        assertError(line, Reason.OVERSIZE_LINE, "MAX_LINE_BYTES=4096");
        assertThat(((CodecError) ClickstreamCodec.decode(bytes(line))).reason()).isEqualTo(Reason.OVERSIZE_LINE);
        // 1,400 characters of 3 bytes each: short in chars, too long in bytes
        String wide = "1\tGoogle\tpurchase\t\tV\tP\tA," + "€".repeat(1_400);
        assertError(wide, Reason.OVERSIZE_LINE, (wide.getBytes(StandardCharsets.UTF_8).length) + " bytes");
    }

    @Test
    void aLineOfExactlyMaxLineBytesIsAccepted() {
        String head = "1\tGoogle\tpurchase\t\tV\tP\tA,";
        String line = head + "b".repeat(ClickstreamCodec.MAX_LINE_BYTES - head.length());
        assertThat(ClickstreamCodec.decode(line + "\r\n").isDecoded()).isTrue();
        assertThat(ClickstreamCodec.decode(bytes(line + "\n")).isDecoded()).isTrue();
    }

    @Test
    void encodeRefusesEventsThatCouldNotBeDecoded() {
        assertThatThrownBy(() -> ClickstreamCodec.encode(withProduct("A,B\tC")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field product");
        assertThatThrownBy(() -> ClickstreamCodec.encode(withProduct("A,B\nC")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line break");
        assertThatThrownBy(() -> ClickstreamCodec.encode(withProduct("A," + "b".repeat(5000))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MAX_LINE_BYTES");
        ClickEvent negative = new ClickEvent(-1, "Google", Action.PURCHASE, "", "V", "P", "A,B");
        assertThatThrownBy(() -> ClickstreamCodec.encode(negative))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timestamp_ms");
    }

    @Test
    void appendToLeavesTheBuilderUntouchedOnFailure() {
        StringBuilder out = new StringBuilder("kept");
        assertThatThrownBy(() -> ClickstreamCodec.appendTo(withProduct("A," + "b".repeat(5000)), out))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(out).hasToString("kept");
    }

    @Test
    void orElseThrowReportsTheError() {
        assertThatThrownBy(() -> ClickstreamCodec.decode("nonsense").orElseThrow())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("FIELD_COUNT");
    }

    private static ClickEvent withProduct(String product) {
        return new ClickEvent(1, "Google", Action.PURCHASE, "", "Visitor-1", "Page-1", product);
    }

    private static void assertError(String line, Reason reason, String... messageParts) {
        DecodeResult result = ClickstreamCodec.decode(line);
        assertThat(result).isInstanceOf(CodecError.class);
        CodecError error = (CodecError) result;
        assertThat(error.reason()).isEqualTo(reason);
        assertThat(error.message()).contains(messageParts);
        assertThat(ClickstreamCodec.decode(bytes(line))).isEqualTo(error);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
