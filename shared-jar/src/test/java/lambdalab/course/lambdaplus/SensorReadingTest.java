package lambdalab.course.lambdaplus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SensorReadingTest {

    @Test
    void aReadingTravelsOnKafkaAsOneLineAndComesBackExactly() {
        SensorReading reading = new SensorReading(42, 21.375, 1_764_710_000_123L);
        assertThat(reading.toLine()).isEqualTo("42,21.375,1764710000123");
        assertThat(SensorReading.fromLine(reading.toLine())).isEqualTo(reading);
        SensorReading tiny = new SensorReading(0, -1.0E-7, 0);
        assertThat(SensorReading.fromLine(tiny.toLine())).isEqualTo(tiny);
    }

    @Test
    void aLineThatIsNoReadingSaysWhatIsWrong() {
        assertThatThrownBy(() -> SensorReading.fromLine("42,21.375")).hasMessageContaining("3 comma-separated fields");
        assertThatThrownBy(() -> SensorReading.fromLine("42,hot,1")).hasMessageContaining("not a reading line");
        assertThatThrownBy(() -> SensorReading.fromLine("42,NaN,1")).hasMessageContaining("finite");
    }

    @Test
    void bucketsAreTheFirstMillisecondOfTheir100MsMinuteAndSecond() {
        assertThat(TimeBuckets.bucketOf(1_764_710_000_199L)).isEqualTo(1_764_710_000_100L);
        assertThat(TimeBuckets.bucketOf(-1)).isEqualTo(-100);
        assertThat(TimeBuckets.minuteOf(1_764_710_000_199L)).isEqualTo(1_764_709_980_000L);
        assertThat(TimeBuckets.secondOf(1_764_710_000_199L)).isEqualTo(1_764_710_000_000L);
        assertThat(TimeBuckets.endsBefore(1_000, 1_100)).isTrue();
        assertThat(TimeBuckets.endsBefore(1_000, 1_099)).isFalse();
    }
}
