package lambdalab.course.speed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lambdalab.course.batch.EventColumns;
import lambdalab.course.batch.RawEvents;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.streaming.kafka010.OffsetRange;

/**
 * Appends one batch of raw events to the raw dataset, exactly once: Spark writes the batch to a
 * staging folder, then each file is renamed into its partition folder
 * ({@code topic=T/kafka_partition=P/timestamp_hour=H}) under a name made of the batch's offset range
 * for that partition, {@code batch-FROM-UNTIL-N.parquet}. A replayed batch has the same ranges, so
 * it replaces its own files instead of adding copies; a rename is atomic, so readers never see half a file.
 */
final class RawBatchWriter {

    static final StructType SCHEMA = EventColumns.SCHEMA
            .add(RawEvents.KAFKA_PARTITION, DataTypes.IntegerType, false)
            .add(RawEvents.KAFKA_OFFSET, DataTypes.LongType, false);
    private static final Pattern FILE_NAME = Pattern.compile("batch-(\\d+)-(\\d+)-\\d+\\.parquet");

    private final String rawPath;
    private final String topic;
    private boolean firstBatchWritten;

    RawBatchWriter(String rawPath, String topic) {
        this.rawPath = rawPath;
        this.topic = topic;
    }

    void write(SparkSession spark, JavaRDD<ParsedRecord> batch, OffsetRange[] ranges, long batchTimeMs) {
        Path staging = new Path(new Path(rawPath).getParent(), "_staging/" + topic + "-" + batchTimeMs);
        Dataset<Row> events = spark.createDataFrame(batch.filter(ParsedRecord::valid).map(RawBatchWriter::toRow), SCHEMA);
        events.write().mode(SaveMode.Overwrite)
                .partitionBy(RawEvents.KAFKA_PARTITION, EventColumns.TIMESTAMP_HOUR)
                .parquet(staging.toString());
        moveIntoPlace(spark.sparkContext().hadoopConfiguration(), staging, ranges);
    }

    private void moveIntoPlace(Configuration conf, Path staging, OffsetRange[] ranges) {
        try {
            FileSystem fs = staging.getFileSystem(conf);
            List<Path> files = parquetFiles(fs, staging);
            for (OffsetRange range : ranges) {
                String prefix = "batch-" + range.fromOffset() + "-" + range.untilOffset() + "-";
                int index = 0;
                for (Path file : files) {
                    String partitionDir = file.getParent().getParent().getName(); // kafka_partition=P
                    if (partitionDir.equals(RawEvents.KAFKA_PARTITION + "=" + range.partition())) {
                        Path targetDir = new Path(rawPath, RawEvents.TOPIC + "=" + topic + "/" + partitionDir + "/"
                                + file.getParent().getName());
                        fs.mkdirs(targetDir);
                        replace(fs, file, new Path(targetDir, prefix + (index++) + ".parquet"));
                    }
                }
            }
            fs.delete(staging, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move the raw batch from " + staging + " into " + rawPath, e);
        }
    }

    private static void replace(FileSystem fs, Path source, Path target) throws IOException {
        fs.delete(target, false); // a copy from an earlier run of the same batch
        if (!fs.rename(source, target)) {
            throw new IOException("rename " + source + " -> " + target + " failed");
        }
    }

    private static List<Path> parquetFiles(FileSystem fs, Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!fs.exists(dir)) {
            return files;
        }
        RemoteIterator<LocatedFileStatus> iterator = fs.listFiles(dir, true);
        while (iterator.hasNext()) {
            Path path = iterator.next().getPath();
            if (path.getName().endsWith(".parquet")) {
                files.add(path);
            }
        }
        files.sort(null);
        return files;
    }

    /**
     * Before the first batch of this run writes: deletes the files an earlier run wrote from this
     * batch's offsets on. After a crash the batches in flight are replayed, but not always with the
     * same ranges (one whose start Spark had not yet checkpointed is cut anew), so names alone would
     * not catch every copy.
     */
    void replaceOnFirstBatch(Configuration conf, OffsetRange[] ranges) {
        if (firstBatchWritten) {
            return;
        }
        Map<Integer, Long> from = new java.util.HashMap<>();
        for (OffsetRange range : ranges) {
            from.put(range.partition(), range.fromOffset());
        }
        int deleted = deleteFrom(conf, from);
        if (deleted > 0) {
            System.out.println("Replacing " + deleted + " raw files an earlier run wrote from offsets " + from + " on.");
        }
        firstBatchWritten = true;
    }

    /**
     * Deletes the raw files of batches starting at or after {@code nextOffsets} (batches whose
     * offsets were never committed): the job reads those events again, so keeping them would count
     * them twice.
     *
     * @return how many files were deleted
     */
    int deleteFrom(Configuration conf, Map<Integer, Long> nextOffsets) {
        Path topicDir = new Path(rawPath, RawEvents.TOPIC + "=" + topic);
        int deleted = 0;
        try {
            FileSystem fs = topicDir.getFileSystem(conf);
            for (Path file : parquetFiles(fs, topicDir)) {
                Matcher name = FILE_NAME.matcher(file.getName());
                int partition = Integer.parseInt(file.getParent().getParent().getName().split("=")[1]);
                long next = nextOffsets.getOrDefault(partition, 0L);
                if (name.matches() && Long.parseLong(name.group(1)) >= next) {
                    fs.delete(file, false);
                    deleted++;
                }
            }
            deleteEmptyStaging(fs);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean the raw data of uncommitted batches in " + topicDir, e);
        }
        return deleted;
    }

    private void deleteEmptyStaging(FileSystem fs) throws IOException {
        Path stagingRoot = new Path(new Path(rawPath).getParent(), "_staging");
        if (fs.exists(stagingRoot)) {
            for (FileStatus leftover : fs.listStatus(stagingRoot)) {
                if (leftover.getPath().getName().startsWith(topic + "-")) {
                    fs.delete(leftover.getPath(), true);
                }
            }
        }
    }

    private static Row toRow(ParsedRecord record) {
        var e = record.event();
        return RowFactory.create(e.timestampMs(), e.referrer(), e.action().wireName(), e.prevPage(), e.visitor(),
                e.page(), e.product(), e.hourBucket(), record.partition(), record.offset());
    }
}
