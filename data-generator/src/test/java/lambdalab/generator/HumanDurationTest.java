package lambdalab.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class HumanDurationTest {

    @Test
    void readsShortFormsAndIso() {
        assertThat(HumanDuration.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(HumanDuration.parse(" 2m ")).isEqualTo(Duration.ofMinutes(2));
        assertThat(HumanDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(HumanDuration.parse("PT1H")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void refusesNonsenseZeroAndNegative() {
        assertThatThrownBy(() -> HumanDuration.parse("soon")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> HumanDuration.parse("0s")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> HumanDuration.parse("-5s")).isInstanceOf(DateTimeParseException.class);
    }
}
