package lambdalab.interpreter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table format without Spark: lists, maps, records, awkward cells. */
class TableTextTest {

    record Hour(String product, long hour, Long visitors) {
    }

    @Test
    void aListOfRecordsHasOneColumnPerComponent() {
        TableData table = TableData.of(List.of(new Hour("A,B", 0, 12L), new Hour("C", 3_600_000, null)), 10);
        assertThat(TableText.body(table)).isEqualTo("product\thour\tvisitors\nA,B\t0\t12\nC\t3600000\tnull\n");
        assertThat(table.truncated()).isFalse();
    }

    @Test
    void aListOfMapsHasTheUnionOfTheirKeys() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("a", 1);
        TableData table = TableData.of(List.of(first, Map.of("b", 2)), 10);
        assertThat(TableText.body(table)).isEqualTo("a\tb\n1\tnull\nnull\t2\n");
    }

    @Test
    void plainValuesAndMapsAndArrays() {
        assertThat(TableText.body(TableData.of(Arrays.asList("x", null), 10))).isEqualTo("value\nx\nnull\n");
        assertThat(TableText.body(TableData.of(Map.of("k", "v"), 10))).isEqualTo("key\tvalue\nk\tv\n");
        assertThat(TableText.body(TableData.of(new Integer[] {1, 2}, 10))).isEqualTo("value\n1\n2\n");
    }

    @Test
    void rowsBeyondTheLimitAreCutAndFlagged() {
        TableData table = TableData.of(List.of(1, 2, 3), 2);
        assertThat(TableText.body(table)).isEqualTo("value\n1\n2\n");
        assertThat(table.truncated()).isTrue();
        assertThat(TableData.of(Map.of("a", 1, "b", 2, "c", 3), 2).rows()).hasSize(2);
        assertThat(TableData.of(List.of(1, 2), 2).truncated()).isFalse();
    }

    @Test
    void cellsNeverBreakTheTableAndBlobsAreShortHex() {
        assertThat(TableText.cell("a\tb\nc\rd")).isEqualTo("a b c d");
        assertThat(TableText.cell(new byte[] {0x0a, (byte) 0xff})).isEqualTo("0x0aff");
        assertThat(TableText.cell(ByteBuffer.wrap(new byte[40]))).isEqualTo("0x" + "00".repeat(16) + "... (40 bytes)");
    }

    @Test
    void somethingElseIsRefusedWithWhatIsAccepted() {
        assertThatThrownBy(() -> TableData.of("text", 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a Dataset, a List").hasMessageContaining("java.lang.String");
    }
}
