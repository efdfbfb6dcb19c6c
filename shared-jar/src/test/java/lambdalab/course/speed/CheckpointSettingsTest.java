package lambdalab.course.speed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import lambdalab.course.LabEndpoints;
import org.junit.jupiter.api.Test;

class CheckpointSettingsTest {

    private static final StreamSettings DEFAULTS =
            StreamSettings.defaults(new LabEndpoints("127.0.0.1:9092", "127.0.0.1", 9042, "hdfs://127.0.0.1:9000"));

    @Test
    void theSameSettingsChangeNothing() {
        assertThat(CheckpointSettings.changes(CheckpointSettings.of(DEFAULTS, "1"), DEFAULTS, "1")).isEmpty();
    }

    @Test
    void eachChangedSettingIsNamedWithItsOldAndNewValue() {
        Map<String, String> recorded = CheckpointSettings.of(DEFAULTS, "1");
        StreamSettings changed = DEFAULTS.withBatchInterval(500).withState(7200, 10);
        assertThat(CheckpointSettings.changes(recorded, changed, "1"))
                .containsExactly("batch interval (ms) 1000 -> 500", "window (s) 30 -> 10");
    }

    @Test
    void anotherJobVersionIsAChange() {
        assertThat(CheckpointSettings.changes(CheckpointSettings.of(DEFAULTS, "1"), DEFAULTS, "2"))
                .containsExactly("job version 1 -> 2");
    }

    @Test
    void aSettingTheCheckpointDidNotRecordIsNotAChange() {
        assertThat(CheckpointSettings.changes(Map.of("window (s)", "30"), DEFAULTS.withBatchInterval(500), "2")).isEmpty();
    }
}
