package lambdalab.course.speed;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lambdalab.course.batch.EventColumns;
import lambdalab.course.batch.RawEvents;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.streaming.kafka010.OffsetRange;

/**
 * The task side of the raw write: one task holds one Kafka partition's share of a batch and writes
 * its valid events straight to HDFS, one Parquet file per hour, in the columns (and the file layout)
 * Spark itself writes for the raw dataset. Each file is written under a hidden temporary name and
 * renamed when complete, so readers never see half a file. Going around Spark's file writer saves
 * its per-batch job commit (staging folders, renames, a sort by hour), which cost most of a
 * one-second batch.
 */
final class RawFiles {

    /** The event's columns as Spark writes them, plus the Kafka offset. */
    static final MessageType SCHEMA = RawEvents.STREAM_FILE_SCHEMA;

    /**
     * Columns whose values in a file are nearly all distinct: Parquet would build a dictionary of
     * them, find it no smaller than the plain values and write those instead. Skipping the dictionary
     * gives the same bytes for less work (75,000 events: 90 ms instead of 115, median of 30 writes).
     */
    static final List<String> DISTINCT_VALUE_COLUMNS =
            List.of(EventColumns.TIMESTAMP_MS, EventColumns.VISITOR, RawEvents.KAFKA_OFFSET);

    /** What a task hands back to the driver: its rejected records and, when measured, when its events were produced. */
    record TaskResult(List<ParsedRecord> rejected, Map<Long, Long> producedAt) implements Serializable {
    }

    private RawFiles() {
    }

    /** The name of a batch's file for one partition and hour: its offset range, so a replay replaces it. */
    static String fileName(OffsetRange range) {
        return "batch-" + range.fromOffset() + "-" + range.untilOffset() + "-0.parquet";
    }

    static Path hourDir(String rawPath, String topic, int partition, long hour) {
        return new Path(rawPath, RawEvents.TOPIC + "=" + topic + "/" + RawEvents.KAFKA_PARTITION + "=" + partition
                + "/" + EventColumns.TIMESTAMP_HOUR + "=" + hour);
    }

    /**
     * Writes the task's valid events (when {@code writeEvents}) and returns its rejected records and
     * produce-time histogram (10 ms buckets, when {@code measure}).
     */
    static TaskResult write(Iterator<ParsedRecord> records, String rawPath, String topic,
                            Map<Integer, OffsetRange> ranges, Configuration conf,
                            boolean writeEvents, boolean measure) {
        List<ParsedRecord> rejected = new ArrayList<>();
        Map<Long, Long> producedAt = new HashMap<>();
        Map<Long, HourFile> files = new LinkedHashMap<>();
        try {
            while (records.hasNext()) {
                ParsedRecord record = records.next();
                if (measure) {
                    producedAt.merge(record.producedAtMs() / LatencyRecorder.BUCKET_MS, 1L, Long::sum);
                }
                if (!record.valid()) {
                    rejected.add(record);
                } else if (writeEvents) {
                    long hour = record.event().hourBucket();
                    HourFile file = files.get(hour);
                    if (file == null) {
                        file = new HourFile(hourDir(rawPath, topic, record.partition(), hour),
                                fileName(ranges.get(record.partition())), conf);
                        files.put(hour, file);
                    }
                    file.write(record);
                }
            }
            for (HourFile file : files.values()) {
                file.commit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write raw events under " + rawPath, e);
        }
        return new TaskResult(rejected, producedAt);
    }

    /** One Parquet file being written under a hidden name, renamed to its real name when complete. */
    private static final class HourFile {
        private final Path target;
        private final Path temporary;
        private final ParquetWriter<ParsedRecord> writer;
        private final FileSystem fs;

        HourFile(Path dir, String name, Configuration conf) throws IOException {
            this.target = new Path(dir, name);
            this.temporary = new Path(dir, "." + name + ".tmp");
            this.fs = dir.getFileSystem(conf);
            RawEventWriteSupport.Builder builder = new RawEventWriteSupport.Builder(temporary).withConf(conf)
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE);
            for (String column : DISTINCT_VALUE_COLUMNS) {
                builder = builder.withDictionaryEncoding(column, false);
            }
            this.writer = builder.build();
        }

        void write(ParsedRecord record) throws IOException {
            writer.write(record);
        }

        void commit() throws IOException {
            writer.close();
            fs.delete(target, false); // the same batch, written by an earlier run
            if (!fs.rename(temporary, target)) {
                throw new IOException("rename " + temporary + " -> " + target + " failed");
            }
        }
    }
}
