package lambdalab.lab.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import lambdalab.course.clickstream.ClickstreamCodec;
import lambdalab.course.clickstream.CodecError;
import lambdalab.course.clickstream.DecodeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MalformedLinesTest {

    private static final String VALID = "1893456000000\tGoogle\tpurchase\tPage-3\tVisitor-17\tPage-4\tAcme Phone";

    @Test
    void theLineTheyAreMadeFromIsValid() {
        assertThat(ClickstreamCodec.decode(VALID.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DecodeResult.Decoded.class);
    }

    @ParameterizedTest
    @EnumSource(MalformedLines.Kind.class)
    void eachKindIsRejectedForItsOwnReason(MalformedLines.Kind kind) {
        DecodeResult result = ClickstreamCodec.decode(MalformedLines.make(kind, VALID, false));
        assertThat(result).isInstanceOf(CodecError.class);
        assertThat(((CodecError) result).reason()).isEqualTo(kind.reason);
    }

    @Test
    void theHugeLineIsOneMegabyteAndStartsAsTheValidOne() {
        byte[] huge = MalformedLines.make(MalformedLines.Kind.OVERSIZE, VALID, true);
        assertThat(huge).hasSize(1_000_000);
        assertThat(new String(huge, 0, VALID.length(), StandardCharsets.UTF_8)).isEqualTo(VALID);
        assertThat(MalformedLines.make(MalformedLines.Kind.OVERSIZE, VALID, false)).hasSize(8192);
    }
}
