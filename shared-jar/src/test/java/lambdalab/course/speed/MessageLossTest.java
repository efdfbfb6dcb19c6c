package lambdalab.course.speed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.clickstream.ClickstreamCodec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageLossTest {

    @Test
    void aboutTheShareAskedForIsLostAlwaysTheSameEventsAndNoneWithoutTheDrill() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            lines.add((1_893_456_000_000L + i * 37L) + "\tGoogle\tpurchase\tPage-" + i % 50 + "\tVisitor-" + i
                    + "\tPage-" + (i + 1) % 50 + "\tAcme Phone");
        }
        MessageLoss fivePercent = new MessageLoss(5);
        long lost = lines.stream().filter(fivePercent::loses).count();
        assertThat(lost).isBetween(800L, 1200L);
        assertThat(lines.stream().filter(fivePercent::loses).count()).isEqualTo(lost);
        assertThat(lines.stream().filter(MessageLoss.NONE::loses)).isEmpty();
        assertThat(lines.stream().filter(new MessageLoss(100)::loses)).hasSize(lines.size());
    }

    @Test
    void aDecodedEventIsLostExactlyWhenItsLineIs() {
        MessageLoss loss = new MessageLoss(50);
        for (int i = 0; i < 200; i++) {
            String line = (1_893_456_000_000L + i) + "\tBing\tpage_view\tPage-1\tVisitor-" + i + "\tPage-2\tAcme Phone";
            ClickEvent event = ((lambdalab.course.clickstream.DecodeResult.Decoded)
                    ClickstreamCodec.decode(line.getBytes(java.nio.charset.StandardCharsets.UTF_8))).event();
            assertThat(loss.loses(event)).as(line).isEqualTo(loss.loses(line));
        }
    }

    @Test
    void aShareOutsideZeroToHundredIsRefused() {
        assertThatThrownBy(() -> new MessageLoss(101)).hasMessageContaining("0 to 100");
    }
}
