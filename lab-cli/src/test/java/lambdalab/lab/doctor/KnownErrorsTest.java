package lambdalab.lab.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownErrorsTest {

    @TempDir
    Path dir;

    @Test
    void recognisesAnErrorAndNamesItsFix() throws IOException {
        Path log = dir.resolve("datanode.log");
        Files.writeString(log, "INFO starting\njava.io.IOException: Incompatible clusterIDs in /data: namenode "
                + "clusterID = CID-1; datanode clusterID = CID-2\n");
        assertThat(KnownErrors.scanTail(log)).singleElement().satisfies(f -> {
            assertThat(f.error().id()).isEqualTo("hdfs-cluster-id");
            assertThat(f.error().fix()).contains("lab reset --yes");
        });
    }

    @Test
    void onlyLooksAtWhatWasWrittenSinceAnOffset() throws IOException {
        Path log = dir.resolve("kafka.log");
        Files.writeString(log, "java.net.BindException: Address already in use\n");
        long offset = Files.size(log);
        Files.writeString(log, "INFO all good\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(KnownErrors.latestSince(log, 0)).isPresent();
        assertThat(KnownErrors.latestSince(log, offset)).isEmpty();
    }

    @Test
    void cassandrasOutOfMemoryAdviceIsNotAnError() throws IOException {
        Path log = dir.resolve("cassandra.log");
        Files.writeString(log, "WARN StartupChecks The JVM is not configured to stop on OutOfMemoryError which can "
                + "cause data corruption.\n");
        assertThat(KnownErrors.scanTail(log)).isEmpty();
    }

    @Test
    void everyKnownErrorHasATroubleshootingEntry() throws IOException {
        String guide = Files.readString(Path.of(System.getProperty("lab.repo"), "troubleshooting.md"));
        for (KnownError error : KnownErrors.ALL) {
            assertThat(guide).as(error.id()).contains("<a id=\"" + error.id() + "\"></a>");
        }
    }
}
