package lambdalab.lab.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lambdalab.course.batch.RawSnapshot;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawGapReportTest {

    @TempDir
    Path topic;

    @Test
    void namesTheMissingOffsetsAndEveryFileTouchingTheFirstRunOfThem() throws IOException {
        file("kafka_partition=0/timestamp_hour=1000", "compacted-0-100-g1.parquet");
        file("kafka_partition=0/timestamp_hour=1000", "batch-100-140-0.parquet"); // ends where the gap begins
        file("kafka_partition=0/timestamp_hour=2000", ".batch-140-180-0.parquet.tmp"); // never renamed
        file("kafka_partition=0/timestamp_hour=2000", "batch-180-200-0.parquet"); // begins where it ends
        file("kafka_partition=0/timestamp_hour=2000", "batch-300-400-0.parquet"); // far from it
        file("kafka_partition=1/timestamp_hour=1000", "batch-140-180-0.parquet"); // another partition

        List<String> lines = RawGapReport.lines(new Configuration(), topic.toUri().toString(), List.of(
                new RawSnapshot.OffsetGap("t", 0, 140, 180), new RawSnapshot.OffsetGap("t", 1, 5, 6)));

        assertThat(lines).hasSize(5);
        assertThat(lines.subList(0, 2)).containsExactly("partition 0: offsets 140 to 179 missing (40)",
                "partition 1: offsets 5 to 5 missing (1)");
        assertThat(lines.subList(2, 5)).anyMatch(line -> line.contains("timestamp_hour=1000/batch-100-140-0.parquet"))
                .anyMatch(line -> line.contains("timestamp_hour=2000/.batch-140-180-0.parquet.tmp"))
                .anyMatch(line -> line.contains("timestamp_hour=2000/batch-180-200-0.parquet"));
    }

    @Test
    void saysSoWhenNoFileIsNamedAfterTheMissingOffsets() throws IOException {
        file("kafka_partition=0/timestamp_hour=1000", "batch-0-100-0.parquet");

        List<String> lines = RawGapReport.lines(new Configuration(), topic.toUri().toString(),
                List.of(new RawSnapshot.OffsetGap("t", 0, 140, 180)));

        assertThat(lines).containsExactly("partition 0: offsets 140 to 179 missing (40)",
                "  no file of partition 0 is named after an offset range touching it");
    }

    private void file(String folder, String name) throws IOException {
        Files.writeString(Files.createDirectories(topic.resolve(folder)).resolve(name), "rows");
    }
}
