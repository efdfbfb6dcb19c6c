package lambdalab.course.speed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lambdalab.course.batch.RawCompaction;
import lambdalab.course.batch.RawEvents;
import lambdalab.course.batch.RawReplacement;
import lambdalab.course.spark.DriverCollect;
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
        List<RawFiles.TaskResult> results = DriverCollect.eachPartition(batch.rdd(), records -> RawFiles.write(records,
                raw, sourceTopic, byPartition, conf.value(), writeEvents, measure));
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
     * them twice. A compacted file spanning that offset is cut down to its rows below it. Each hour
     * folder is changed under its lock, never while the batch layer compacts it; the whole deletion
     * is marked in the topic folder ({@link RawReplacement}) for the batch layer's listing.
     *
     * @return how many files were deleted or cut
     */
    int deleteFrom(Configuration conf, Map<Integer, Long> nextOffsets) {
        Path topicDir = new Path(rawPath, RawEvents.TOPIC + "=" + topic);
        int deleted = 0;
        try {
            FileSystem fs = topicDir.getFileSystem(conf);
            Set<Path> folders = foldersReaching(fs, topicDir, nextOffsets);
            if (!folders.isEmpty()) {
                RawReplacement.begin(fs, topicDir); // a batch run listing meanwhile proves nothing (see there)
            }
            for (Path folder : folders) {
                int partition = Integer.parseInt(folder.getParent().getName().split("=")[1]);
                deleted += RawCompaction.deleteFrom(fs, conf, folder, nextOffsets.getOrDefault(partition, 0L));
            }
            RawReplacement.end(fs, topicDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean the raw data of uncommitted batches in " + topicDir, e);
        }
        return deleted;
    }

    /** The hour folders holding a file of a batch from the partition's next offset on. */
    private static Set<Path> foldersReaching(FileSystem fs, Path topicDir, Map<Integer, Long> nextOffsets)
            throws IOException {
        Set<Path> folders = new LinkedHashSet<>();
        if (!fs.exists(topicDir)) {
            return folders;
        }
        RemoteIterator<LocatedFileStatus> iterator = fs.listFiles(topicDir, true);
        while (iterator.hasNext()) {
            Path path = iterator.next().getPath();
            Path folder = path.getParent();
            String partitionFolder = folder.getParent().getName();
            if (partitionFolder.startsWith(RawEvents.KAFKA_PARTITION + "=")) {
                int partition = Integer.parseInt(partitionFolder.split("=")[1]);
                if (RawCompaction.reaches(path.getName(), nextOffsets.getOrDefault(partition, 0L))) {
                    folders.add(folder);
                }
            }
        }
        return folders;
    }
}
