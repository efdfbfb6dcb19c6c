package lambdalab.course.speed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lambdalab.course.batch.RawEvents;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Appends one batch of raw events to the raw dataset, exactly once: each file lands in its partition
 * folder ({@code topic=T/kafka_partition=P/timestamp_hour=H}) under a name made of the batch's offset
 * range for that partition, {@code batch-FROM-UNTIL-0.parquet}. A replayed batch has the same ranges,
 * so it replaces its own files instead of adding copies.
 */
final class RawBatchWriter {

    /** A batch's file, or one a task did not finish ({@code .batch-...parquet.tmp}, hidden from readers). */
    private static final Pattern FILE_NAME = Pattern.compile("\\.?batch-(\\d+)-(\\d+)-\\d+\\.parquet(\\.tmp)?");

    private final String rawPath;
    private final String topic;
    private boolean firstBatchWritten;

    RawBatchWriter(String rawPath, String topic) {
        this.rawPath = rawPath;
        this.topic = topic;
    }

    /**
     * Writes the batch's valid events (one task per Kafka partition, see {@link RawFiles}) when
     * {@code writeEvents}, and returns, from the same pass, its rejected records and (when
     * {@code measure}) when its events were produced.
     */
    RawFiles.TaskResult write(JavaRDD<ParsedRecord> batch, OffsetRange[] ranges, boolean writeEvents, boolean measure) {
        Map<Integer, OffsetRange> byPartition = new HashMap<>();
        for (OffsetRange range : ranges) {
            byPartition.put(range.partition(), range);
        }
        String raw = rawPath;
        String sourceTopic = topic;
        SerializableConfiguration conf = new SerializableConfiguration(batch.context().hadoopConfiguration());
        List<RawFiles.TaskResult> results = batch.mapPartitions(records -> RawFiles.write(records, raw, sourceTopic,
                byPartition, conf.value(), writeEvents, measure)).collect();
        List<ParsedRecord> rejected = new ArrayList<>();
        Map<Long, Long> producedAt = new HashMap<>();
        for (RawFiles.TaskResult result : results) {
            rejected.addAll(result.rejected());
            result.producedAt().forEach((bucket, count) -> producedAt.merge(bucket, count, Long::sum));
        }
        return new RawFiles.TaskResult(rejected, producedAt);
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
        Map<Integer, Long> from = new HashMap<>();
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
                if (name.matches() && Long.parseLong(name.group(1)) >= nextOffsets.getOrDefault(partition, 0L)) {
                    fs.delete(file, false);
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean the raw data of uncommitted batches in " + topicDir, e);
        }
        return deleted;
    }

    private static List<Path> parquetFiles(FileSystem fs, Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!fs.exists(dir)) {
            return files;
        }
        RemoteIterator<LocatedFileStatus> iterator = fs.listFiles(dir, true);
        while (iterator.hasNext()) {
            Path path = iterator.next().getPath();
            if (FILE_NAME.matcher(path.getName()).matches()) {
                files.add(path);
            }
        }
        return files;
    }
}
