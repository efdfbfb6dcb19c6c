package lambdalab.course.speed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import lambdalab.course.clickstream.ClickstreamCodec;
import lambdalab.course.clickstream.ClickstreamGenerator;
import lambdalab.course.clickstream.GeneratorSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.kafka010.OffsetRange;

/**
 * A batch of made-up events run through the speed layer's own code before it reads Kafka: decoding,
 * the raw Parquet files (into a local temporary folder) and the aggregation query.
 *
 * <p>Why: a job's first batch with events loads and compiles what no start step touched (Parquet's
 * writer, Spark SQL's planner and the code it generates for the aggregation). That took 6.3 s for
 * the first 1,469 events of `lab demo`, and the batches queued behind it kept the scheduling delay
 * above 20 s for a minute. Done here, the cost comes before the job says it runs; Spark keeps the
 * generated code, which the real batches' identical query reuses. Nothing here touches Kafka,
 * Cassandra or HDFS.
 */
final class SpeedLayerWarmUp {

    static final String TOPIC = "warm-up";
    private static final int EVENTS = 400;
    private static final int PARTITIONS = 2;
    private static final int PER_PARTITION = EVENTS / PARTITIONS;

    private SpeedLayerWarmUp() {
    }

    /** What a warm-up did: the Parquet files it wrote (then deleted) and the (product, hour) groups it aggregated. */
    record Done(long rawFiles, int groups) {
    }

    /** Runs the made-up batch on {@code spark}, writing only under a temporary folder in {@code tmpDir}. */
    static Done run(JavaSparkContext spark, Path tmpDir) {
        Path raw = null;
        try {
            raw = Files.createTempDirectory(tmpDir, "speed-layer-warm-up-");
            List<ParsedRecord> records = records();
            JavaRDD<ParsedRecord> batch = spark.parallelize(records, PARTITIONS);
            OffsetRange[] ranges = new OffsetRange[PARTITIONS];
            for (int partition = 0; partition < PARTITIONS; partition++) {
                ranges[partition] = OffsetRange.create(TOPIC, partition, 0, PER_PARTITION);
            }
            new RawBatchWriter(raw.toUri().toString(), TOPIC).write(batch, ranges, true, true);
            int groups = HourAggregates.of(batch.filter(ParsedRecord::valid).map(ParsedRecord::event)).collect().size();
            return new Done(parquetFiles(raw), groups);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the warm-up's temporary folder in " + tmpDir, e);
        } finally {
            deleteQuietly(raw);
        }
    }

    /** Generated events as the records of {@link #PARTITIONS} Kafka partitions, decoded as the job decodes them. */
    static List<ParsedRecord> records() {
        ClickstreamGenerator generator = new ClickstreamGenerator(GeneratorSettings.defaults());
        List<ParsedRecord> records = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            byte[] line = ClickstreamCodec.encode(generator.next()).getBytes(StandardCharsets.UTF_8);
            // in order of partition: parallelize's slices are then the partitions, one task each, as
            // a Kafka batch's are (two tasks writing one partition's file would collide)
            records.add(ParsedRecord.of(new ConsumerRecord<>(TOPIC, i / PER_PARTITION, i % PER_PARTITION, null, line)));
        }
        return records;
    }

    private static long parquetFiles(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(path -> path.getFileName().toString().endsWith(".parquet")).count();
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind: the job's tmp folder is the lab's own
        }
    }
}
