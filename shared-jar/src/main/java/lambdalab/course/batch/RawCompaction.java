package lambdalab.course.batch;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The raw dataset's small files, merged. The speed layer writes one file per Kafka partition, hour
 * and one-second batch: thousands per hour, each costing the batch layer a file open and the
 * NameNode an entry. Once a batch run has read an hour as complete, it merges that hour's files of
 * each partition into one {@code compacted-FROM-UNTIL-gN.parquet} (see {@link RawFileNames}).
 *
 * <p>Exactly once survives because (1) only files below the offsets the run proved it read are
 * merged, and the rows keep their Kafka offsets; (2) the new file is swapped in before the merged
 * ones are deleted, and readers that list the folder in between take only the new one; (3) the
 * speed layer, when it deletes a batch's files from an offset on to read them again, cuts a
 * compacted file at that offset (keeping the rows below it), and both it and the compaction replace
 * files in a folder only while holding its {@link RawFolderLock}. A compaction that dies leaves
 * either the old files or both (and readers take one copy); the next one finishes the job.
 */
public final class RawCompaction {

    private static final String COMPACTION_TMP_PREFIX = ".compacted-";
    private static final int LOCK_REFRESH_FILES = 500;

    private RawCompaction() {
    }

    /** An hour folder of one partition, to merge up to {@code throughOffset} (exclusive). */
    public record Folder(String path, long throughOffset) implements Serializable {
    }

    /** What a compaction did: how many folders it compacted, how many files it merged, how many it wrote. */
    public record Result(int folders, long filesMerged, long filesWritten) implements Serializable {
        static final Result NONE = new Result(0, 0, 0);

        Result plus(Result other) {
            return new Result(folders + other.folders, filesMerged + other.filesMerged, filesWritten + other.filesWritten);
        }
    }

    /** The folders of the complete hours of Kafka topics a run covered, each up to what it proved read. */
    public static List<Folder> foldersOf(String rawRoot, List<HourCoverage> coverage) {
        List<Folder> folders = new ArrayList<>();
        for (HourCoverage hour : coverage) {
            if (!hour.complete()) {
                continue;
            }
            for (Map.Entry<Integer, Long> through : hour.throughOffsets().entrySet()) {
                folders.add(new Folder(hourFolder(rawRoot, hour.source(), through.getKey(), hour.timestampHour())
                        .toString(), through.getValue()));
            }
        }
        return folders;
    }

    private static Path hourFolder(String rawRoot, String topic, int partition, long hour) {
        return new Path(rawRoot, RawEvents.TOPIC + "=" + topic + "/" + RawEvents.KAFKA_PARTITION + "=" + partition
                + "/" + EventColumns.TIMESTAMP_HOUR + "=" + hour);
    }

    /** Merges each folder's files, in Spark tasks (a folder can hold thousands of files to read). */
    public static Result compact(SparkSession spark, List<Folder> folders) {
        if (folders.isEmpty()) {
            return Result.NONE;
        }
        SerializableConfiguration conf = new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
        int tasks = Math.min(folders.size(), spark.sparkContext().defaultParallelism() * 4);
        spark.sparkContext().setJobDescription("Compacting the raw files of " + folders.size() + " hour folders");
        try {
            return JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(folders, tasks)
                    .map(folder -> compactFolder(conf.value(), folder)).reduce(Result::plus);
        } finally {
            spark.sparkContext().setJobDescription(null);
        }
    }

    /** Merges one folder's files below its offset, holding the folder's lock. */
    static Result compactFolder(Configuration conf, Folder folder) throws IOException {
        Path dir = new Path(folder.path());
        FileSystem fs = dir.getFileSystem(conf);
        if (!fs.exists(dir)) {
            return Result.NONE;
        }
        try (RawFolderLock lock = RawFolderLock.acquire(fs, dir, "the batch layer's compaction")) {
            List<FileStatus> files = dataFiles(fs, dir);
            deleteReplaced(fs, files);
            List<FileStatus> merged = files.stream() // all live now
                    .filter(file -> range(file).filter(range -> range.until() <= folder.throughOffset()).isPresent())
                    .toList();
            if (merged.size() < 2) {
                return Result.NONE;
            }
            long from = merged.stream().mapToLong(file -> range(file).orElseThrow().from()).min().orElseThrow();
            long until = merged.stream().mapToLong(file -> range(file).orElseThrow().until()).max().orElseThrow();
            RawFileNames.Range span = new RawFileNames.Range(from, until, 0);
            if (files.stream().filter(file -> !merged.contains(file)).map(RawCompaction::range)
                    .flatMap(Optional::stream).anyMatch(span::overlaps)) {
                // cannot happen while both writers keep to the lock; never merge around a file
                System.out.println("Not compacting " + dir + ": a file above " + folder.throughOffset()
                        + " lies inside the range " + from + "-" + until + ".");
                return Result.NONE;
            }
            Path target = new Path(dir, RawFileNames.compacted(from, until, nextGeneration(files)));
            append(fs, conf, merged, target, lock);
            for (FileStatus file : merged) {
                fs.delete(file.getPath(), false);
            }
            return new Result(1, merged.size(), 1);
        }
    }

    /**
     * The speed layer's side: deletes this folder's files of batches from {@code nextOffset} on
     * (they are read again), cutting a compacted file that spans it down to its rows below it.
     * Holds the folder's lock. Returns how many files it deleted or cut.
     */
    public static int deleteFrom(FileSystem fs, Configuration conf, Path dir, long nextOffset) throws IOException {
        try (RawFolderLock ignored = RawFolderLock.acquire(fs, dir, "the speed layer")) {
            List<FileStatus> files = new ArrayList<>(List.of(fs.listStatus(dir)));
            int changed = 0;
            int generation = nextGeneration(files);
            for (FileStatus file : files) {
                if (file.getPath().getName().startsWith(COMPACTION_TMP_PREFIX)) {
                    fs.delete(file.getPath(), false); // a compaction that died before its swap
                    continue;
                }
                Optional<RawFileNames.Range> range =
                        RawFileNames.range(RawFileNames.visibleName(file.getPath().getName()));
                if (range.isEmpty() || !reaches(range.get(), nextOffset)) {
                    continue;
                }
                if (range.get().compacted() && range.get().from() < nextOffset) {
                    cut(fs, conf, file, new Path(dir,
                            RawFileNames.compacted(range.get().from(), nextOffset, generation++)), nextOffset);
                }
                fs.delete(file.getPath(), false);
                changed++;
            }
            return changed;
        }
    }

    /** Whether {@link #deleteFrom} has anything to do for a file of this name. */
    public static boolean reaches(String fileName, long nextOffset) {
        return RawFileNames.range(RawFileNames.visibleName(fileName)).filter(range -> reaches(range, nextOffset))
                .isPresent();
    }

    /** A batch's file from the offset on, or a compacted file with rows from it on. */
    private static boolean reaches(RawFileNames.Range range, long nextOffset) {
        return range.compacted() ? range.until() > nextOffset : range.from() >= nextOffset;
    }

    private static List<FileStatus> dataFiles(FileSystem fs, Path dir) throws IOException {
        List<FileStatus> files = new ArrayList<>();
        for (FileStatus file : fs.listStatus(dir)) {
            String name = file.getPath().getName();
            if (name.startsWith(COMPACTION_TMP_PREFIX)) {
                fs.delete(file.getPath(), false); // a compaction that died before its swap
            } else if (file.isFile() && !name.startsWith(".") && !name.startsWith("_")) {
                files.add(file);
            }
        }
        return files;
    }

    /** Files a compaction that died after its swap left behind: readers already skip them. */
    private static void deleteReplaced(FileSystem fs, List<FileStatus> files) throws IOException {
        List<FileStatus> live = RawFileNames.live(files, status -> status.getPath().getName());
        for (FileStatus file : List.copyOf(files)) {
            if (!live.contains(file)) {
                fs.delete(file.getPath(), false);
                files.remove(file);
            }
        }
    }

    private static Optional<RawFileNames.Range> range(FileStatus file) {
        return RawFileNames.range(file.getPath().getName());
    }

    private static int nextGeneration(List<FileStatus> files) {
        return files.stream().map(file -> RawFileNames.range(RawFileNames.visibleName(file.getPath().getName())))
                .flatMap(Optional::stream).mapToInt(RawFileNames.Range::generation).max().orElse(0) + 1;
    }

    /**
     * Copies the row groups of {@code sources} into {@code target} as they are (no decoding: a folder
     * of one-second batches holds thousands of small files), under a hidden name first.
     */
    private static void append(FileSystem fs, Configuration conf, List<FileStatus> sources, Path target,
                               RawFolderLock lock) throws IOException {
        MessageType schema = schemaOf(sources.get(0), conf);
        Path hidden = hiddenName(target);
        ParquetFileWriter writer = new ParquetFileWriter(HadoopOutputFile.fromPath(hidden, conf), schema,
                ParquetFileWriter.Mode.OVERWRITE, ParquetWriter.DEFAULT_BLOCK_SIZE, ParquetWriter.MAX_PADDING_SIZE_DEFAULT);
        writer.start();
        int appended = 0;
        for (FileStatus source : byOffset(sources)) {
            try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(source.getPath(), conf))) {
                if (!reader.getFileMetaData().getSchema().equals(schema)) {
                    writer.end(Map.of());
                    fs.delete(hidden, false);
                    throw new IOException(source.getPath() + " has another schema than " + sources.get(0).getPath()
                            + ": not compacting them together");
                }
                reader.appendTo(writer);
            }
            if (++appended % LOCK_REFRESH_FILES == 0) {
                lock.refresh(); // a long merge is not a holder that died
            }
        }
        writer.end(Map.of());
        if (!fs.rename(hidden, target)) {
            throw new IOException("rename " + hidden + " -> " + target + " failed");
        }
    }

    private static List<FileStatus> byOffset(List<FileStatus> files) {
        return files.stream().sorted(Comparator.comparing((FileStatus file) -> range(file)
                .map(RawFileNames.Range::from).orElse(0L))).toList();
    }

    private static MessageType schemaOf(FileStatus file, Configuration conf) throws IOException {
        try (ParquetFileReader footer = ParquetFileReader.open(HadoopInputFile.fromPath(file.getPath(), conf))) {
            return footer.getFooter().getFileMetaData().getSchema();
        }
    }

    private static Path hiddenName(Path target) {
        return new Path(target.getParent(), "." + target.getName() + ".tmp");
    }

    /**
     * Writes the rows of {@code source} whose Kafka offset is below {@code below} into {@code target},
     * under a hidden name first: the target appears complete or not at all. Writes no file when no
     * row qualifies.
     */
    private static void cut(FileSystem fs, Configuration conf, FileStatus source, Path target, long below)
            throws IOException {
        Path hidden = hiddenName(target);
        long rows = 0;
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(hidden).withType(schemaOf(source, conf))
                .withConf(conf).withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build();
             ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), source.getPath())
                     .withConf(conf).build()) {
            for (Group row = reader.read(); row != null; row = reader.read()) {
                if (row.getLong(RawEvents.KAFKA_OFFSET, 0) < below) {
                    writer.write(row);
                    rows++;
                }
            }
        }
        if (rows == 0) {
            fs.delete(hidden, false);
        } else if (!fs.rename(hidden, target)) {
            throw new IOException("rename " + hidden + " -> " + target + " failed");
        }
    }
}
