package lambdalab.lab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import lambdalab.lab.settings.SettingsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The instances of benchmarks and `lab prepare` never run on a home the user names. */
class BenchInstancesTest {

    @TempDir
    Path home;

    @Test
    void aHomeGivenToABenchmarkIsRefusedAndNothingIsCreatedThere() {
        LabOptions options = new LabOptions();
        options.home = home;

        assertThatThrownBy(() -> BenchInstances.create(options, Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("--home " + home + " is not used here")
                .hasMessageContaining("Drop --home");
        assertThat(home.toFile().list()).isEmpty();
    }
}
