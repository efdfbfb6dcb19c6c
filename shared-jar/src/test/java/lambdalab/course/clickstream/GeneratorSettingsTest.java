package lambdalab.course.clickstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class GeneratorSettingsTest {

    @Test
    void defaultsAreTheCourses() {
        GeneratorSettings defaults = GeneratorSettings.defaults();
        assertThat(defaults).isEqualTo(new GeneratorSettings(
                200, 480, 15, 1_000_000, 50, "weblogs-text", 42, 10_000, 0, 1000,
                Instant.parse("2024-01-01T00:00:00Z").toEpochMilli()));
    }

    @Test
    void eventsDefaultToRecordsPerFileTimesFilesUnlessSet() {
        assertThat(GeneratorSettings.builder().recordsPerFile(10).files(3).build().events()).isEqualTo(30);
        assertThat(GeneratorSettings.builder().recordsPerFile(10).files(3).events(7).build().events()).isEqualTo(7);
        assertThat(GeneratorSettings.builder().recordsPerFile(Integer.MAX_VALUE).files(4).build().events())
                .isEqualTo(4L * Integer.MAX_VALUE);
    }

    @Test
    void nominalRateDefaultsToTheRateOrOneThousand() {
        assertThat(GeneratorSettings.builder().build().nominalRate()).isEqualTo(1000);
        assertThat(GeneratorSettings.builder().rate(250).build().nominalRate()).isEqualTo(250);
        assertThat(GeneratorSettings.builder().rate(250).nominalRate(5000).build().nominalRate()).isEqualTo(5000);
    }

    @Test
    void clockUsesTheSettings() {
        GeneratorSettings settings = GeneratorSettings.builder().timeMultiplier(60).nominalRate(10).startMs(5).build();
        assertThat(settings.clock()).isEqualTo(new SimulatedClock(5, 60, 10));
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                invalid(b -> b.recordsPerFile(0), "recordsPerFile must be at least 1, got 0"),
                invalid(b -> b.timeMultiplier(0), "timeMultiplier must be between 1 and 1000000, got 0"),
                invalid(b -> b.timeMultiplier(2_000_000), "timeMultiplier must be between 1 and 1000000, got 2000000"),
                invalid(b -> b.pages(0), "pages must be at least 1, got 0"),
                invalid(b -> b.visitors(-3), "visitors must be at least 1, got -3"),
                invalid(b -> b.files(0), "files must be at least 1, got 0"),
                invalid(b -> b.topic(""), "topic must be 1 to 249 characters from a-z, A-Z, 0-9, '.', '_' and '-', got ''"),
                invalid(b -> b.topic("web logs"), "got 'web logs'"),
                invalid(b -> b.topic(null), "topic must be 1 to 249 characters"),
                invalid(b -> b.topic("x".repeat(250)), "topic must be 1 to 249 characters"),
                invalid(b -> b.topic(".."), "topic may not be '.' or '..'"),
                invalid(b -> b.events(-1), "events must be at least 0, got -1"),
                invalid(b -> b.rate(-5), "rate must be between 0 (unpaced) and 1000000000 events per second, got -5"),
                invalid(b -> b.nominalRate(0), "nominalRate must be between 1 and 1000000000, got 0"),
                invalid(b -> b.startMs(-1), "startMs must be at least 0, got -1"),
                invalid(b -> b.events(Long.MAX_VALUE).timeMultiplier(1000).nominalRate(1),
                        "events=9223372036854775807 with timeMultiplier=1000, nominalRate=1 and startMs="));
    }

    @ParameterizedTest
    @MethodSource("invalidSettings")
    void invalidValuesAreRejectedWithAClearMessage(UnaryOperator<GeneratorSettings.Builder> change, String message) {
        assertThatThrownBy(() -> change.apply(GeneratorSettings.builder()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void acceptsBoundaryValues() {
        GeneratorSettings settings = GeneratorSettings.builder().events(0).rate(0).startMs(0).timeMultiplier(1_000_000)
                .topic("a.b_c-D9").pages(1).visitors(1).build();
        assertThat(settings.events()).isZero();
        assertThat(GeneratorSettings.builder().events(1_000_000_000L).build().events()).isEqualTo(1_000_000_000L);
    }

    private static Arguments invalid(UnaryOperator<GeneratorSettings.Builder> change, String message) {
        return Arguments.of(change, message);
    }
}
