package lambdalab.lab.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Test
    void warnsWhenTheClickstreamTopicNoLongerHoldsOffsetZero() {
        Check whole = Doctor.retentionCheck("weblogs-text", java.util.Map.of(0, 0L, 1, 0L));
        assertThat(whole.level()).isEqualTo(Check.Level.OK);
        Check trimmed = Doctor.retentionCheck("weblogs-text", java.util.Map.of(0, 0L, 1, 1_200L));
        assertThat(trimmed.level()).isEqualTo(Check.Level.WARN);
        assertThat(trimmed.message()).contains("no longer holds offset 0", "{1=1200}", "kappa-log-trimmed");
    }

    @Test
    void namesTheServicesWithoutAClassArchiveAndHowToWriteThem() {
        assertThat(Doctor.classArchivesCheck(List.of()).level()).isEqualTo(Check.Level.OK);
        Check missing = Doctor.classArchivesCheck(List.of("namenode", "datanode"));
        assertThat(missing.level()).isEqualTo(Check.Level.WARN);
        assertThat(missing.message()).contains("namenode, datanode", "./lab prepare", "troubleshooting.md#prepare");
    }

    @Test
    void saysWhatTheConsistencyLevelOfTheJobsBuysForEachProfile() {
        Check single = Doctor.consistency(1);
        assertThat(single.level()).isEqualTo(Check.Level.OK);
        assertThat(single.message()).contains("LOCAL_ONE with 1 copy", "1 + 1 of 1 replicas", "survives 0 node(s) down");
        Check cluster = Doctor.consistency(3);
        assertThat(cluster.level()).isEqualTo(Check.Level.OK);
        assertThat(cluster.message()).contains("LOCAL_QUORUM with 3 copies", "2 + 2 of 3 replicas",
                "a read sees every write", "survives 1 node(s) down");
        assertThat(Doctor.consistency(4).message()).contains("LOCAL_QUORUM", "3 + 3 of 4 replicas");
    }
}
