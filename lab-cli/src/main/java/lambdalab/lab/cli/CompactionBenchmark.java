package lambdalab.lab.cli;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import lambdalab.course.batch.EventColumns;
import lambdalab.course.batch.HourCoverage;
import lambdalab.course.batch.RawCompaction;
import lambdalab.course.batch.RawEvents;
import lambdalab.course.batch.RawSnapshot;
import lambdalab.course.batch.ViewAggregation;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.clickstream.ClickstreamGenerator;
import lambdalab.course.clickstream.GeneratorSettings;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;

/**
 * `lab bench batch --small-files`: the raw dataset as the speed layer leaves it (one file per Kafka
 * partition, hour and one-second batch), the batch layer's read and aggregation over it, the
 * compaction, and the same read and aggregation over the compacted files, in one Spark session.
 */
final class CompactionBenchmark {

    private static final String TOPIC = "weblogs-text";
    private static final int PARTITIONS = 2;
    private static final int WRITERS_PER_TASK = 8;

    private final SparkSession spark;
    private final String root;
    private final int hours;
    private final int rate;
    private final int rounds;

    CompactionBenchmark(SparkSession spark, String root, int hours, int rate, int rounds) {
        this.spark = spark;
        this.root = root;
        this.hours = hours;
        this.rate = rate;
        this.rounds = rounds;
    }

    void run() {
        long files = writeStreamFiles();
        long events = (long) hours * 3600 * rate;
        double[] before = measureRounds("uncompacted");
        System.out.println("Compacting ...");
        long start = System.nanoTime();
        RawCompaction.Result result;
        try (Heartbeat compacting = Heartbeat.of("compacting")) {
            result = RawCompaction.compact(spark, RawCompaction.foldersOf(root, everyHour()));
        }
        double compaction = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "compaction: %,d files into %,d in %.1f s%n", result.filesMerged(),
                result.filesWritten(), compaction);
        double[] after = measureRounds("compacted");
        double uncompacted = Medians.of(before);
        double compacted = Medians.of(after);
        System.out.printf(Locale.ROOT, "%n%,d events in %s of 1 s batches at %,d events/s, %d partitions%n",
                events, hoursText(), rate, PARTITIONS);
        System.out.printf(Locale.ROOT, "read + aggregate, %,9d files   %7.2f s   %,12.0f events/s%n", files,
                uncompacted, events / uncompacted);
        System.out.printf(Locale.ROOT, "read + aggregate, %,9d files   %7.2f s   %,12.0f events/s%n",
                result.filesWritten() + files - result.filesMerged(), compacted, events / compacted);
        System.out.printf(Locale.ROOT, "speed-up from compaction          %7.2fx%n", uncompacted / compacted);
        System.out.printf(Locale.ROOT, "the compaction itself             %7.2f s (%.2fx one uncompacted read)%n",
                compaction, compaction / uncompacted);
    }

    /** One file per partition and second, as the speed layer writes them; returns how many. */
    private long writeStreamFiles() {
        System.out.printf(Locale.ROOT, "Writing %s of 1 s batches (%,d files) ...%n", hoursText(),
                (long) hours * 3600 * PARTITIONS);
        SerializableConfiguration conf = new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
        String target = root;
        int perSecond = rate;
        int allHours = hours;
        try (Heartbeat writing = Heartbeat.of("writing the files")) {
            return JavaSparkContext.fromSparkContext(spark.sparkContext())
                    .parallelize(IntStream.range(0, hours).boxed().toList(), hours)
                    .map(hour -> new HourOfBatches(target, hour, perSecond).write(conf.value(), allHours))
                    .reduce(Long::sum);
        }
    }

    private String hoursText() {
        return hours == 1 ? "1 hour" : hours + " hours";
    }

    private double[] measureRounds(String label) {
        double[] seconds = new double[rounds];
        try (Heartbeat warmUp = Heartbeat.of("reading the " + label + " files once, to warm up")) {
            readAndAggregate(); // warm-up, and the file system's caches
        }
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            try (Heartbeat reading = Heartbeat.of(label + " round " + (round + 1))) {
                readAndAggregate();
            }
            seconds[round] = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%s round %d: %.2f s%n", label, round + 1, seconds[round]);
        }
        return seconds;
    }

    /** What a batch run does before writing its views: list, read, aggregate. */
    private long readAndAggregate() {
        RawSnapshot snapshot = RawSnapshot.list(spark.sparkContext().hadoopConfiguration(), root);
        Dataset<Row> aggregate = ViewAggregation.aggregate(snapshot.read(spark, null, hour -> true))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            return aggregate.count();
        } finally {
            aggregate.unpersist();
        }
    }

    /** Every hour of every partition, as complete, with all its offsets read. */
    private List<HourCoverage> everyHour() {
        List<HourCoverage> coverage = new ArrayList<>();
        for (int hour = 0; hour < hours; hour++) {
            Map<Integer, Long> through = new HashMap<>();
            for (int partition = 0; partition < PARTITIONS; partition++) {
                through.put(partition, Long.MAX_VALUE);
            }
            coverage.add(new HourCoverage(TOPIC, HourOfBatches.hourStart(hour), true, through, 0, Instant.now()));
        }
        return coverage;
    }

    /** One hour of one-second batches: generated events, split over the partitions by index. */
    private record HourOfBatches(String root, int hour, int rate) implements Serializable {

        static long hourStart(int hour) {
            return GeneratorSettings.DEFAULT_START_MS + hour * ClickEvent.HOUR_MS;
        }

        /**
         * Writes the hour's files, several at a time: each HDFS file costs round trips (create,
         * block, pipeline, complete) rather than CPU, so a few writers in flight per core fill them.
         */
        long write(Configuration conf, int hours) throws Exception {
            ClickstreamGenerator events = new ClickstreamGenerator(GeneratorSettings.builder()
                    .events((long) rate * 3600).seed(hour).startMs(hourStart(hour)).build());
            SimpleGroupFactory rows = new SimpleGroupFactory(RawEvents.STREAM_FILE_SCHEMA);
            long perPartition = (long) rate / PARTITIONS;
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS_PER_TASK);
            try {
                List<Future<?>> written = new ArrayList<>();
                for (int second = 0; second < 3600; second++) {
                    List<ClickEvent> batch = new ArrayList<>();
                    for (int i = 0; i < rate; i++) {
                        batch.add(events.next());
                    }
                    for (int partition = 0; partition < PARTITIONS; partition++) {
                        long from = ((long) hour * 3600 + second) * perPartition;
                        int inSecond = second;
                        int ofPartition = partition;
                        written.add(writers.submit(() -> writeFile(conf, rows, batch, ofPartition, inSecond, from,
                                from + perPartition)));
                    }
                }
                for (Future<?> file : written) {
                    file.get();
                }
                // the benchmark's Spark is local: its tasks print to the command's output
                System.out.printf(Locale.ROOT, "  hour %d of %d written: %,d files%n", hour + 1, hours, written.size());
                return written.size();
            } finally {
                writers.shutdownNow();
            }
        }

        private void writeFile(Configuration conf, SimpleGroupFactory rows, List<ClickEvent> batch, int partition,
                               int second, long from, long until) {
            Path file = new Path(root, RawEvents.TOPIC + "=" + TOPIC + "/" + RawEvents.KAFKA_PARTITION + "="
                    + partition + "/" + EventColumns.TIMESTAMP_HOUR + "=" + hourStart(hour) + "/batch-" + from + "-" + until
                    + "-0.parquet");
            try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(file).withConf(conf)
                    .withType(RawEvents.STREAM_FILE_SCHEMA).withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
                long offset = from;
                for (int i = partition; i < batch.size(); i += PARTITIONS) {
                    ClickEvent event = batch.get(i);
                    long timestamp = hourStart(hour) + second * 1000L + (i * 1000L / rate);
                    writer.write(rows.newGroup().append(EventColumns.TIMESTAMP_MS, timestamp)
                            .append(EventColumns.REFERRER, event.referrer())
                            .append(EventColumns.ACTION, event.action().wireName())
                            .append(EventColumns.PREV_PAGE, event.prevPage()).append(EventColumns.VISITOR, event.visitor())
                            .append(EventColumns.PAGE, event.page()).append(EventColumns.PRODUCT, event.product())
                            .append(RawEvents.KAFKA_OFFSET, offset++));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file, e);
            }
        }
    }
}
