package lambdalab.course.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import lambdalab.course.clickstream.ClickEvent;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawSnapshotTest {

    private static final String ROOT = "hdfs://127.0.0.1:9000/lambda/raw/events";
    private static final long H0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    private static final long HOUR = ClickEvent.HOUR_MS;
    private static final Instant NOW = Instant.parse("2024-01-02T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aKafkaHourIsCompleteOnlyWhenEveryPartitionHasALaterHour() {
        RawSnapshot snapshot = RawSnapshot.of(ROOT, List.of(
                file("t", 0, 0, 0, 10), file("t", 0, 1, 10, 20), file("t", 0, 2, 20, 30),
                file("t", 1, 0, 0, 10), file("t", 1, 1, 10, 20))); // partition 1 is still in hour 1

        assertThat(snapshot.coverage("t", H0, 7, NOW).complete()).isTrue();
        assertThat(snapshot.coverage("t", H0 + HOUR, 7, NOW).complete()).as("partition 1 may bring more of it").isFalse();
        assertThat(snapshot.coverage("t", H0 + 2 * HOUR, 7, NOW).complete()).isFalse();
    }

    @Test
    void theRunReadAnHourUpToItsFilesEndsOrTheStartOfALaterBatch() {
        RawSnapshot snapshot = RawSnapshot.of(ROOT, List.of(
                // partition 0: batch [0,10) in hour 0, [10,20) in hours 0 and 1, [20,30) in hour 1
                file("t", 0, 0, 0, 10), file("t", 0, 0, 10, 20), file("t", 0, 1, 10, 20), file("t", 0, 1, 20, 30),
                // partition 1: batch [0,10) in hour 0, then [10,20) in hour 1 only
                file("t", 1, 0, 0, 10), file("t", 1, 1, 10, 20)));

        HourCoverage hour0 = snapshot.coverage("t", H0, 20, NOW);
        HourCoverage hour1 = snapshot.coverage("t", H0 + HOUR, 20, NOW);

        // partition 1's batch [10,20) had no event of hour 0, but the snapshot cannot tell that from a
        // file of hour 0 still being written: only offsets below its start are proven
        assertThat(hour0.throughOffsets()).isEqualTo(Map.of(0, 20L, 1, 10L));
        assertThat(hour1.throughOffsets()).isEqualTo(Map.of(0, 30L, 1, 20L));
        assertThat(hour0.events()).isEqualTo(20);
        assertThat(hour0.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void aLaterBatchOfThePartitionProvesTheBatchBeforeHadNothingMoreOfTheHour() {
        RawSnapshot snapshot = RawSnapshot.of(ROOT, List.of(
                file("t", 1, 0, 0, 10), file("t", 1, 1, 10, 20), file("t", 1, 1, 20, 30)));

        assertThat(snapshot.coverage("t", H0, 1, NOW).throughOffsets()).isEqualTo(Map.of(1, 20L));
    }

    @Test
    void aLateEventsFileRaisesItsHoursOffsetsOnly() {
        RawSnapshot snapshot = RawSnapshot.of(ROOT, List.of(
                file("t", 0, 0, 0, 10), file("t", 0, 1, 10, 20), file("t", 0, 1, 20, 31), file("t", 0, 0, 20, 31)));

        assertThat(snapshot.coverage("t", H0, 1, NOW).throughOffsets()).isEqualTo(Map.of(0, 31L));
        assertThat(snapshot.coverage("t", H0 + HOUR, 1, NOW).throughOffsets()).isEqualTo(Map.of(0, 31L));
    }

    @Test
    void loadedEventsAreCompleteWithoutOffsets() {
        RawSnapshot snapshot = RawSnapshot.of(ROOT, List.of(
                ROOT + "/topic=generated/kafka_partition=0/timestamp_hour=" + H0 + "/part-00000-abc.c000.snappy.parquet",
                file("t", 0, 0, 0, 10)));

        HourCoverage loaded = snapshot.coverage(RawEvents.GENERATED, H0, 7500, NOW);

        assertThat(loaded.complete()).isTrue();
        assertThat(loaded.throughOffsets()).isEmpty();
        assertThat(snapshot.sources()).containsExactly(RawEvents.GENERATED, "t");
    }

    @Test
    void filesOutsideTopicFoldersHaveTheRootAsSource() {
        String root = "file:///tmp/events";
        RawSnapshot snapshot = RawSnapshot.of(root, List.of(root + "/part-00000.parquet"));

        assertThat(snapshot.sources()).containsExactly(root);
        assertThat(snapshot.coverage(root, H0, 3, NOW).complete()).isTrue();
        assertThat(snapshot.has(null, hour -> false)).as("a file outside hour folders is read whatever the range").isTrue();
    }

    @Test
    void selectionBySourceAndHours() {
        RawSnapshot snapshot = RawSnapshot.of(ROOT, List.of(file("t", 0, 0, 0, 10), file("u", 0, 3, 0, 10)));

        assertThat(snapshot.has("t", hour -> true)).isTrue();
        assertThat(snapshot.has("t", hour -> hour >= H0 + HOUR)).isFalse();
        assertThat(snapshot.has("v", hour -> true)).isFalse();
        assertThat(snapshot.has(null, hour -> hour == H0 + 3 * HOUR)).isTrue();
    }

    @Test
    void theListingGoesNewestHourFirstAndSkipsHiddenAndEmptyFiles() throws IOException {
        Path partition = dir.resolve("topic=t/kafka_partition=0");
        for (int hour : new int[] {9, 10, 11}) {
            Path folder = Files.createDirectories(partition.resolve("timestamp_hour=" + (H0 + hour * HOUR)));
            Files.writeString(folder.resolve("batch-" + hour + "0-" + (hour + 1) + "0-0.parquet"), "x");
        }
        Path newest = partition.resolve("timestamp_hour=" + (H0 + 11 * HOUR));
        Files.writeString(newest.resolve(".batch-110-120-0.parquet.tmp"), "being written");
        Files.writeString(newest.resolve("empty.parquet"), "");
        Files.createDirectories(dir.resolve("_temporary"));

        RawSnapshot snapshot = RawSnapshot.list(new Configuration(), dir.toUri().toString());

        assertThat(snapshot.paths()).extracting(path -> path.substring(path.lastIndexOf('/') + 1))
                .containsExactly("batch-110-120-0.parquet", "batch-100-110-0.parquet", "batch-90-100-0.parquet");
    }

    @Test
    void nothingToListSaysWhereItLooked() {
        assertThatThrownBy(() -> RawSnapshot.list(new Configuration(), dir.resolve("none").toUri().toString()))
                .isInstanceOf(MissingInputException.class).hasMessageContaining("No raw events at")
                .hasMessageContaining("./lab batch load");
    }

    @Test
    void aFolderOfTsvFilesGetsTheHintToReadItWithTsv() throws IOException {
        Path tsv = Files.createDirectories(dir.resolve("tsv"));
        Files.writeString(tsv.resolve("part-00000.tsv"), "1924905600000\tGoogle\tpurchase\t\tVisitor-1\tPage-1\tA\n");

        assertThatThrownBy(() -> RawSnapshot.list(new Configuration(), tsv.toUri().toString()))
                .isInstanceOf(MissingInputException.class).hasMessageContaining("holds no raw events (Parquet files)")
                .hasMessageContaining("part-00000.tsv").hasMessageContaining("--tsv");
    }

    @Test
    void positionsCountTheRowsAndTheDistinctKafkaPositionsOfTheSelectedFilesOnly() throws IOException {
        // partition 0 has offset 3 twice (a replay's duplicate); partition 1's offsets 0-1 and topic u's
        // offset 0 repeat partition 0's numbers, which are other events; u and a later hour are not selected
        writeOffsets("t", 0, 0, "batch-0-4-0.parquet", 0, 1, 2, 3);
        writeOffsets("t", 0, 0, "batch-3-5-0.parquet", 3, 4);
        writeOffsets("t", 1, 0, "batch-0-2-0.parquet", 0, 1);
        writeOffsets("t", 0, 1, "batch-5-6-0.parquet", 5);
        writeOffsets("u", 0, 0, "batch-0-1-0.parquet", 0);

        RawSnapshot snapshot = RawSnapshot.list(new Configuration(), dir.toUri().toString());

        assertThat(snapshot.positions(new Configuration(), "t", hour -> hour == H0))
                .isEqualTo(new RawSnapshot.StoredPositions(8, 7, List.of()));
        assertThat(snapshot.positions(new Configuration(), null, hour -> true))
                .isEqualTo(new RawSnapshot.StoredPositions(10, 9, List.of()));
    }

    @Test
    void positionsNameTheOffsetsMissingBetweenAPartitionsStoredOnes() throws IOException {
        writeOffsets("t", 0, 0, "batch-0-3-0.parquet", 0, 1, 2);
        writeOffsets("t", 0, 0, "batch-7-9-0.parquet", 7, 8);
        writeOffsets("t", 0, 1, "batch-9-10-0.parquet", 9);
        writeOffsets("t", 0, 1, "batch-12-13-0.parquet", 12);
        writeOffsets("t", 1, 0, "batch-0-2-0.parquet", 0, 1);

        RawSnapshot snapshot = RawSnapshot.list(new Configuration(), dir.toUri().toString());

        assertThat(snapshot.positions(new Configuration(), "t", hour -> true).gaps()).containsExactly(
                new RawSnapshot.OffsetGap("t", 0, 3, 7), new RawSnapshot.OffsetGap("t", 0, 10, 12));
    }

    @Test
    void aTopicTheSpeedLayerWasReplacingFilesOfWhileItWasListedHasNoCompleteHourAndNoOffsetsRead()
            throws IOException {
        for (String topic : List.of("t", "u")) {
            for (int hour : new int[] {0, 1}) {
                Path folder = Files.createDirectories(dir.resolve("topic=" + topic + "/kafka_partition=0/timestamp_hour="
                        + (H0 + hour * HOUR)));
                Files.writeString(folder.resolve("batch-" + hour + "0-" + (hour + 1) + "0-0.parquet"), "x");
            }
        }
        Files.writeString(dir.resolve("topic=t").resolve(RawReplacement.MARKER), "replacing");

        RawSnapshot snapshot = RawSnapshot.list(new Configuration(), dir.toUri().toString());

        assertThat(snapshot.unsettled()).containsExactly("t");
        assertThat(snapshot.coverage("t", H0, 10, NOW)).satisfies(hour -> {
            assertThat(hour.complete()).isFalse();
            assertThat(hour.throughOffsets()).isEmpty();
        });
        assertThat(snapshot.coverage("u", H0, 10, NOW).complete()).isTrue();
        assertThat(snapshot.paths()).hasSize(4); // its files are read all the same
    }

    /** A speed layer's file of {@code offsets} in the topic's partition and hour folder. */
    private void writeOffsets(String topic, int partition, int hour, String name, long... offsets) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("topic=" + topic + "/kafka_partition=" + partition
                + "/timestamp_hour=" + (H0 + hour * HOUR)));
        SimpleGroupFactory rows = new SimpleGroupFactory(RawEvents.STREAM_FILE_SCHEMA);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(
                new org.apache.hadoop.fs.Path(folder.resolve(name).toUri())).withType(RawEvents.STREAM_FILE_SCHEMA).build()) {
            for (long offset : offsets) {
                Group row = rows.newGroup().append(EventColumns.TIMESTAMP_MS, H0 + hour * HOUR);
                for (String column : List.of(EventColumns.REFERRER, EventColumns.ACTION, EventColumns.PREV_PAGE,
                        EventColumns.VISITOR, EventColumns.PAGE, EventColumns.PRODUCT)) {
                    row.append(column, "x");
                }
                writer.write(row.append(RawEvents.KAFKA_OFFSET, offset));
            }
        }
    }

    private static String file(String topic, int partition, int hour, long from, long until) {
        return ROOT + "/topic=" + topic + "/kafka_partition=" + partition + "/timestamp_hour=" + (H0 + hour * HOUR)
                + "/batch-" + from + "-" + until + "-0.parquet";
    }
}
