package lambdalab.course.speed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawBatchWriterTest {

    @TempDir
    Path raw;

    @Test
    void deletingFromAnOffsetLeavesTheFilesBelowItAndNoReplacementMarker() throws IOException {
        Path hour = Files.createDirectories(raw.resolve("topic=t/kafka_partition=0/timestamp_hour=1000"));
        Files.writeString(hour.resolve("batch-0-10-0.parquet"), "x");
        Files.writeString(hour.resolve("batch-10-20-0.parquet"), "x");
        Files.writeString(hour.resolve("batch-20-30-0.parquet"), "x");

        int deleted = new RawBatchWriter(raw.toUri().toString(), "t").deleteFrom(new Configuration(), Map.of(0, 10L));

        assertThat(deleted).isEqualTo(2);
        try (var left = Files.list(hour)) {
            assertThat(left.map(file -> file.getFileName().toString()).filter(name -> !name.startsWith(".")))
                    .containsExactly("batch-0-10-0.parquet");
        }
        assertThat(raw.resolve("topic=t/_replacing-files")).doesNotExist();
    }

    @Test
    void aMarkerThatAJobWhichDiedWhileDeletingLeftIsClearedByTheNextStart() throws IOException {
        Path topic = Files.createDirectories(raw.resolve("topic=t/kafka_partition=0/timestamp_hour=1000")).getParent()
                .getParent();
        Files.writeString(topic.resolve("_replacing-files"), "the speed layer replaces files since ...");

        new RawBatchWriter(raw.toUri().toString(), "t").deleteFrom(new Configuration(), Map.of(0, 10L));

        assertThat(topic.resolve("_replacing-files")).doesNotExist();
    }
}
