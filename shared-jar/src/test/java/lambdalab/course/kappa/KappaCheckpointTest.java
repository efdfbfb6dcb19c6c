package lambdalab.course.kappa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KappaCheckpointTest {

    @TempDir
    Path checkpoint;

    @Test
    void theLastCommittedBatchGivesTheOffsetsItReadUpToAndItsWatermark() throws Exception {
        write("offsets/3", "v1\n{\"batchWatermarkMs\":0,\"batchTimestampMs\":1}\n{\"weblogs-text\":{\"1\":40,\"0\":30}}");
        write("commits/3", "v1\n{\"nextBatchWatermarkMs\":7200000}");
        // batch 4 is planned but not committed: the views may not hold it yet
        write("offsets/4", "v1\n{\"batchWatermarkMs\":0,\"batchTimestampMs\":1}\n{\"weblogs-text\":{\"1\":90,\"0\":80}}");

        KappaCheckpoint read = KappaCheckpoint.read(checkpoint.toUri().toString()).orElseThrow();
        assertThat(read.batchId()).isEqualTo(3);
        assertThat(read.offsets()).containsExactly(Map.entry(0, 30L), Map.entry(1, 40L));
        assertThat(read.watermarkMs()).isEqualTo(7_200_000);
    }

    @Test
    void aCheckpointWithoutACommitHasNothingCommitted() throws Exception {
        assertThat(KappaCheckpoint.read(checkpoint.resolve("missing").toString())).isEmpty();
        write("offsets/0", "v1\n{}\n{\"weblogs-text\":{\"0\":5}}");
        assertThat(KappaCheckpoint.read(checkpoint.toString())).isEmpty();
    }

    private void write(String name, String text) throws Exception {
        Path file = checkpoint.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
