package lambdalab.course.speed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpeedLayerJobOptionsTest {

    @Test
    void flagsTakeNoValueAndOtherOptionsTakeOne() {
        assertThat(SpeedLayerJob.parse(new String[] {"--no-warm-up", "--kafka", "127.0.0.1:9092", "--backpressure"}))
                .containsEntry("no-warm-up", "true").containsEntry("kafka", "127.0.0.1:9092")
                .containsEntry("backpressure", "true");
    }

    @Test
    void anOptionWithoutItsValueIsRefused() {
        assertThatThrownBy(() -> SpeedLayerJob.parse(new String[] {"--batch-ms"}))
                .hasMessage("--batch-ms needs a value");
    }
}
