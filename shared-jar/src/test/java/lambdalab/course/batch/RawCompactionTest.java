package lambdalab.course.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The raw dataset's compaction and the speed layer's cut, on real Parquet files in a local folder. */
class RawCompactionTest {

    private static final MessageType SCHEMA = Types.buildMessage()
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(EventColumns.PRODUCT)
            .required(PrimitiveTypeName.INT64).named(RawEvents.KAFKA_OFFSET)
            .named("spark_schema");

    private final Configuration conf = new Configuration();

    @TempDir
    java.nio.file.Path temp;

    private Path folder;
    private FileSystem fs;

    @BeforeEach
    void hourFolder() throws IOException {
        folder = new Path(temp.toUri().toString(), "raw/topic=t/kafka_partition=0/timestamp_hour=0");
        fs = folder.getFileSystem(conf);
        fs.mkdirs(folder);
    }

    @Test
    void theFilesBelowTheProvenOffsetBecomeOneWithEveryRowAndTheRestStays() throws IOException {
        write("batch-0-10-0.parquet", 0, 1, 2, 9);
        write("batch-10-20-0.parquet", 12, 15);
        write("batch-20-30-0.parquet", 25);

        RawCompaction.Result result = RawCompaction.compactFolder(conf, new RawCompaction.Folder(folder.toString(), 20));

        assertThat(result).isEqualTo(new RawCompaction.Result(1, 2, 1));
        assertThat(names()).containsExactlyInAnyOrder("compacted-0-20-g1.parquet", "batch-20-30-0.parquet");
        assertThat(offsets("compacted-0-20-g1.parquet")).containsExactly(0L, 1L, 2L, 9L, 12L, 15L);
    }

    @Test
    void aLaterRunMergesTheCompactedFileWithTheNewOnes() throws IOException {
        write("batch-0-10-0.parquet", 3, 4);
        write("batch-10-20-0.parquet", 12);
        RawCompaction.compactFolder(conf, new RawCompaction.Folder(folder.toString(), 20));
        write("batch-20-30-0.parquet", 25, 26);

        RawCompaction.compactFolder(conf, new RawCompaction.Folder(folder.toString(), 30));

        assertThat(names()).containsExactly("compacted-0-30-g2.parquet");
        assertThat(offsets("compacted-0-30-g2.parquet")).containsExactly(3L, 4L, 12L, 25L, 26L);
    }

    @Test
    void aSingleFileOrNothingProvenIsLeftAlone() throws IOException {
        write("batch-0-10-0.parquet", 3);
        write("batch-10-20-0.parquet", 12);

        assertThat(RawCompaction.compactFolder(conf, new RawCompaction.Folder(folder.toString(), 10)).folders()).isZero();
        assertThat(names()).containsExactlyInAnyOrder("batch-0-10-0.parquet", "batch-10-20-0.parquet");
    }

    @Test
    void theSpeedLayerReadingFromAnOffsetAgainCutsTheCompactedFileThereAndDeletesLaterBatches() throws IOException {
        write("batch-0-10-0.parquet", 0, 9);
        write("batch-10-20-0.parquet", 12, 15);
        RawCompaction.compactFolder(conf, new RawCompaction.Folder(folder.toString(), 20));
        write("batch-20-30-0.parquet", 25);
        write(".batch-30-40-0.parquet.tmp", 31);

        int changed = RawCompaction.deleteFrom(fs, conf, folder, 12);

        assertThat(changed).isEqualTo(3);
        assertThat(names()).containsExactly("compacted-0-12-g2.parquet");
        assertThat(offsets("compacted-0-12-g2.parquet")).containsExactly(0L, 9L);
        assertThat(RawCompaction.reaches("batch-10-20-0.parquet", 12)).isFalse();
        assertThat(RawCompaction.reaches("batch-12-20-0.parquet", 12)).isTrue();
        assertThat(RawCompaction.reaches("compacted-0-20-g1.parquet", 12)).isTrue();
        assertThat(RawCompaction.reaches("compacted-0-12-g1.parquet", 12)).isFalse();
    }

    @Test
    void aCutBelowEveryRowLeavesNoFile() throws IOException {
        write("batch-0-10-0.parquet", 5);
        write("batch-10-20-0.parquet", 12);
        RawCompaction.compactFolder(conf, new RawCompaction.Folder(folder.toString(), 20));

        RawCompaction.deleteFrom(fs, conf, folder, 3);

        assertThat(names()).isEmpty();
    }

    @Test
    void filesASwapLeftBehindAreSkippedByReadersAndDeletedByTheNextCompaction() throws IOException {
        write("batch-0-10-0.parquet", 5);
        write("batch-10-20-0.parquet", 12);
        write("compacted-0-10-g1.parquet", 5); // a generation below that overlaps: replaced
        write("compacted-0-20-g2.parquet", 5, 12);
        write(".compacted-0-20-g3.parquet.tmp", 5); // a swap that never happened
        List<String> visible = names().stream().filter(name -> !name.startsWith(".")).toList();
        assertThat(RawFileNames.live(visible, name -> name)).containsExactly("compacted-0-20-g2.parquet");

        RawCompaction.compactFolder(conf, new RawCompaction.Folder(folder.toString(), 10));

        assertThat(names()).containsExactly("compacted-0-20-g2.parquet");
    }

    @Test
    void aLockLeftByAJvmThatDiedIsTakenOverOnceStale() throws IOException {
        Path lock = new Path(folder, "_replacing.lock");
        fs.create(lock, false).close();
        fs.setTimes(lock, System.currentTimeMillis() - RawFolderLock.STALE.toMillis() - 60_000, -1);

        try (RawFolderLock held = RawFolderLock.acquire(fs, folder, "a test")) {
            assertThat(fs.exists(lock)).isTrue();
        }
        assertThat(fs.exists(lock)).isFalse();
    }

    private void write(String name, long... offsets) throws IOException {
        SimpleGroupFactory rows = new SimpleGroupFactory(SCHEMA);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new Path(folder, name)).withType(SCHEMA)
                .withConf(conf).build()) {
            for (long offset : offsets) {
                writer.write(rows.newGroup().append(EventColumns.PRODUCT, "p").append(RawEvents.KAFKA_OFFSET, offset));
            }
        }
    }

    private List<String> names() throws IOException {
        try (Stream<java.nio.file.Path> files = Files.list(java.nio.file.Path.of(folder.toUri()))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> !name.endsWith(".crc")).sorted().toList();
        }
    }

    private List<Long> offsets(String name) throws IOException {
        List<Long> offsets = new ArrayList<>();
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), new Path(folder, name))
                .withConf(conf).build()) {
            for (Group row = reader.read(); row != null; row = reader.read()) {
                offsets.add(row.getLong(RawEvents.KAFKA_OFFSET, 0));
            }
        }
        return offsets;
    }
}
