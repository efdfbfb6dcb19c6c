package lambdalab.course.speed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {

    @Test
    void theNewestCheckpointIsTheLargestBatchTimeInSparksFileNames(@TempDir Path dir) throws Exception {
        for (String name : new String[] {"checkpoint-1000", "checkpoint-5000.bk", "checkpoint-3000", "temp",
                "checkpoint-9000.tmp", "lab-job-settings.properties"}) {
            Files.writeString(dir.resolve(name), "");
        }
        Files.createDirectory(dir.resolve("receivedBlockMetadata"));

        assertThat(Checkpoints.newest(new Configuration(), dir.toUri().toString())).contains(Instant.ofEpochMilli(5000));
        assertThat(Checkpoints.exist(new Configuration(), dir.toUri().toString())).isTrue();
    }

    @Test
    void aFolderWithoutCheckpointFilesHasNone(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("lab-job-settings.properties"), "");
        assertThat(Checkpoints.newest(new Configuration(), dir.toUri().toString())).isEmpty();
        assertThat(Checkpoints.exist(new Configuration(), dir.resolve("missing").toUri().toString())).isFalse();
    }

    @Test
    void missedBatchesAreTheWholeIntervalsSinceTheCheckpoint() {
        Instant checkpoint = Instant.parse("2026-12-01T10:00:00Z");
        assertThat(Checkpoints.missedBatches(checkpoint, checkpoint.plusSeconds(3000), 1000)).isEqualTo(3000);
        assertThat(Checkpoints.missedBatches(checkpoint, checkpoint.plusMillis(1499), 500)).isEqualTo(2);
        assertThat(Checkpoints.missedBatches(checkpoint, checkpoint.minusSeconds(5), 1000)).as("a clock behind").isZero();
    }
}
