package lambdalab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import lambdalab.lab.settings.LabSettings;
import lambdalab.lab.settings.RepoLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `lab prepare` waits for: the class lists of an instance's JVMs whose archives are not written yet. */
class LabClassArchivesTest {

    @TempDir
    Path home;

    @Test
    void theSupervisorsAndTheServicesListsAreFoundByTheirJvmsNamesAndNothingElse() throws Exception {
        Lab lab = new Lab(LabSettings.load(home, Map.of(), Map.of()), RepoLayout.fromSystemProperty());
        assertThat(lab.classArchivesPending()).as("a home where nothing started yet").isEmpty();

        Files.createDirectories(lab.settings().runDir());
        Files.createDirectories(lab.settings().tmpDir());
        Files.writeString(lab.settings().runDir().resolve("supervisor-classes.lst"), "java/lang/Object\n");
        Files.writeString(lab.settings().tmpDir().resolve("kafka-classes.lst"), "java/lang/Object\n");
        Files.writeString(lab.settings().tmpDir().resolve("stream-classes.lst"), "java/lang/Object\n");
        Files.writeString(lab.settings().tmpDir().resolve("stream-classes.lst.part"), "not a list");
        Files.writeString(lab.settings().tmpDir().resolve("stream.log"), "not a list");

        assertThat(lab.classArchivesPending()).containsExactlyInAnyOrder("supervisor", "kafka", "stream");
    }
}
