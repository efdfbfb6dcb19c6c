package lambdalab.lab.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.clickstream.ClickstreamCodec;
import lambdalab.course.clickstream.CodecError;
import lambdalab.course.clickstream.DecodeResult;
import org.junit.jupiter.api.Test;

class BadLinesTest {

    private static final String LINE = "1893456000000\tGoogle\tpage_view\tPage-3\tVisitor-17\tPage-4\tAcme Phone";

    @Test
    void oneBadLineAfterEveryHundredEventsEachKindInTurnEveryTenthOversizeOneHuge() {
        List<byte[]> sent = new ArrayList<>();
        BadLines bad = new BadLines(sent::add, 100);
        ClickEvent event = ((DecodeResult.Decoded) ClickstreamCodec.decode(LINE.getBytes(
                java.nio.charset.StandardCharsets.UTF_8))).event();
        for (int i = 0; i < 10_000; i++) {
            bad.accept(event, LINE);
        }

        assertThat(sent).hasSize(100);
        assertThat(bad.sent()).containsExactlyInAnyOrderEntriesOf(Map.of(MalformedLines.Kind.FIELD_COUNT, 20L,
                MalformedLines.Kind.BAD_TIME, 20L, MalformedLines.Kind.UNKNOWN_ACTION, 20L,
                MalformedLines.Kind.INVALID_UTF8, 20L, MalformedLines.Kind.OVERSIZE, 20L));
        // the 5th, 55th, ...: the first oversize line and every tenth after it
        assertThat(bad.huge()).isEqualTo(2);
        assertThat(sent.stream().filter(line -> line.length == MalformedLines.HUGE_BYTES)).hasSize(2);
        for (int i = 0; i < sent.size(); i++) {
            MalformedLines.Kind kind = MalformedLines.Kind.values()[i % 5];
            assertThat(((CodecError) ClickstreamCodec.decode(sent.get(i))).reason()).as("line %d", i)
                    .isEqualTo(kind.reason);
        }
    }

    @Test
    void theDeadLettersExpectedAreTheKindsReasons() {
        assertThat(DeadLetterCheck.expected(Map.of(MalformedLines.Kind.BAD_TIME, 3L, MalformedLines.Kind.OVERSIZE, 2L)))
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("BAD_TIMESTAMP", 3L, "OVERSIZE_LINE", 2L)));
    }
}
