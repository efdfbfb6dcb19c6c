package lambdalab.lab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import lambdalab.course.LabEndpoints;
import lambdalab.course.batch.MalformedLines;
import lambdalab.course.batch.RawEvents;
import lambdalab.course.batch.TsvEvents;
import lambdalab.course.batch.ViewAggregation;
import lambdalab.course.clickstream.ClickstreamGenerator;
import lambdalab.course.clickstream.FileSink;
import lambdalab.course.clickstream.GeneratorSettings;
import lambdalab.course.spark.LabSpark;
import lambdalab.lab.Lab;
import lambdalab.lab.system.Directories;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `lab bench batch`: the batch layer's aggregation against a minimal hand-written Spark SQL query
 * for the same aggregates, and against the original course's exact COUNT(DISTINCT), over the same
 * Parquet in the same session, alternating rounds after a warm-up.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Generate events into a temporary raw Parquet dataset (partitioned by hour, as the lab's), then "
                + "time, in alternating rounds in one Spark session: the batch layer's aggregation (both views), a "
                + "minimal hand-written SQL query with the same aggregates (HLL), and the course's exact "
                + "COUNT(DISTINCT). Prints events/s and the ratios.",
                "Targets: >= 0.9x the hand-written query, >= 5x the exact approach.",
                "With --small-files, on the HDFS of a lab instance of its own (free ports, temporary home): the raw "
                + "dataset as the speed layer leaves it (one file per Kafka partition, hour and 1 s batch, --hours of "
                + "them at --rate events/s), the batch layer's read and aggregation over it, the compaction a batch "
                + "run does, and the same read and aggregation over the compacted files."})
final class BatchBenchmark implements Callable<Integer> {

    @Option(names = "--events", defaultValue = "10000000", description = "Events (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--hours", description = "Simulated hours the events span (default: 6; with --small-files 24).")
    Integer hours;

    @Option(names = "--small-files", description = "Measure the compaction of the speed layer's small files instead.")
    boolean smallFiles;

    @Option(names = "--rate", defaultValue = "100",
            description = "With --small-files: events per second of the simulated stream (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--rounds", defaultValue = "3", description = "Measured rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Mixin
    LabOptions options;

    @Mixin
    BenchProgress benchProgress;

    @Override
    public Integer call() throws IOException {
        if (smallFiles) {
            return smallFiles();
        }
        Path work = Files.createTempDirectory("lab-bench-batch-");
        try (SparkSession spark = LabSpark.builder("lab bench batch", "local[2]", LabEndpoints.localDefaults())
                .getOrCreate()) {
            String parquet = prepare(spark, work);
            measure(spark, parquet);
            return 0;
        } finally {
            Directories.deleteRecursively(work);
        }
    }

    /**
     * On HDFS, in a lab instance of its own: the small-files problem is the NameNode's and the
     * per-file round trips' (on the local file system, Hadoop without its native library would
     * spend most of each file's time forking chmod).
     */
    private int smallFiles() throws IOException {
        PrintStream progress = benchProgress.out();
        Lab lab = BenchInstances.create(options, Map.of());
        try {
            BenchInstances.start(lab, progress);
            try (SparkSession spark = LabSpark.builder("lab bench batch", "local[2]", lab.endpoints()).getOrCreate()) {
                new CompactionBenchmark(spark, lab.endpoints().hdfsUri() + "/bench/raw", hours == null ? 24 : hours,
                        rate, rounds).run();
            }
            return 0;
        } finally {
            BenchInstances.destroy(lab, progress);
        }
    }

    private String prepare(SparkSession spark, Path work) {
        // nominal rate so that the events span the hours asked for (time multiplier 480)
        int spanned = hours == null ? 6 : hours;
        int nominalRate = (int) Math.max(1, events * 480L / (spanned * 3600L));
        GeneratorSettings settings = GeneratorSettings.builder().events(events).nominalRate(nominalRate).build();
        System.out.printf(Locale.ROOT, "Generating %,d events over %d hours ...%n", events, spanned);
        Path tsv = work.resolve("tsv");
        try (FileSink sink = new FileSink(tsv, 1_000_000)) {
            new ClickstreamGenerator(settings).writeTo(sink);
        }
        String parquet = work.resolve("raw").toUri().toString();
        System.out.println("Writing them as raw Parquet ...");
        RawEvents.writeGenerated(TsvEvents.read(spark, tsv.toUri().toString(), new MalformedLines(spark.sparkContext())),
                parquet);
        Directories.deleteRecursively(tsv);
        return parquet;
    }

    private void measure(SparkSession spark, String parquet) {
        Dataset<Row> raw = RawEvents.read(spark, parquet);
        raw.createOrReplaceTempView("events");
        Supplier<Long> ours = () -> batchLayerAggregation(raw);
        Supplier<Long> handWritten = () -> spark.sql("SELECT product, timestamp_hour, "
                + "sum(if(action = 'purchase', 1, 0)), sum(if(action = 'add_to_cart', 1, 0)), "
                + "sum(if(action = 'page_view', 1, 0)), hll_sketch_estimate(hll_sketch_agg(visitor, 12)) "
                + "FROM events GROUP BY product, timestamp_hour").collectAsList().size() * 1L;
        Supplier<Long> exact = () -> spark.sql("SELECT product, timestamp_hour, "
                + "sum(if(action = 'purchase', 1, 0)), sum(if(action = 'add_to_cart', 1, 0)), "
                + "sum(if(action = 'page_view', 1, 0)), count(DISTINCT visitor) "
                + "FROM events GROUP BY product, timestamp_hour").collectAsList().size() * 1L;
        System.out.println("Warming up ...");
        ours.get();
        handWritten.get();
        exact.get();
        double[][] seconds = new double[3][rounds];
        for (int round = 0; round < rounds; round++) {
            seconds[0][round] = time(ours);
            seconds[1][round] = time(handWritten);
            seconds[2][round] = time(exact);
            System.out.printf(Locale.ROOT, "round %d: batch layer %.2f s, hand-written %.2f s, exact %.2f s%n",
                    round + 1, seconds[0][round], seconds[1][round], seconds[2][round]);
        }
        double batchLayer = events / Medians.of(seconds[0]);
        double reference = events / Medians.of(seconds[1]);
        double exactRate = events / Medians.of(seconds[2]);
        System.out.printf(Locale.ROOT, "%nbatch layer aggregation   %,12.0f events/s%n", batchLayer);
        System.out.printf(Locale.ROOT, "hand-written SQL (HLL)    %,12.0f events/s%n", reference);
        System.out.printf(Locale.ROOT, "exact COUNT(DISTINCT)     %,12.0f events/s%n", exactRate);
        System.out.printf(Locale.ROOT, "ratio vs hand-written     %12.2f   (target >= 0.9)%n", batchLayer / reference);
        System.out.printf(Locale.ROOT, "ratio vs exact            %12.2f   (target >= 5)%n", batchLayer / exactRate);
    }

    /** What the batch layer computes before writing: the aggregate, then both views from it. */
    private static long batchLayerAggregation(Dataset<Row> events) {
        Dataset<Row> aggregate = ViewAggregation.aggregate(events).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long rows = aggregate.count();
            ViewAggregation.activity(aggregate).collectAsList();
            ViewAggregation.visitors(aggregate).collectAsList();
            return rows;
        } finally {
            aggregate.unpersist();
        }
    }

    private static double time(Supplier<Long> query) {
        long start = System.nanoTime();
        query.get();
        return (System.nanoTime() - start) / 1e9;
    }
}
