package lambdalab.lab.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorTest {

    @TempDir
    Path dir;

    @Test
    void recognisesTheVmsSystemServiceForThisInstanceOnly() throws IOException {
        Path unit = dir.resolve("lambda-lab.service");
        assertThat(Doctor.runsAsSystemService(unit, Path.of("/var/lib/lambda-lab"))).isFalse();  // no unit
        Files.writeString(unit, "[Service]\nUser=vagrant\nEnvironment=LAB_HOME=/var/lib/lambda-lab\n"
                + "ExecStart=/lab/lab up --foreground\n");
        assertThat(Doctor.runsAsSystemService(unit, Path.of("/var/lib/lambda-lab"))).isTrue();
        assertThat(Doctor.runsAsSystemService(unit, Path.of("/lab/.lab"))).isFalse();
    }
}
