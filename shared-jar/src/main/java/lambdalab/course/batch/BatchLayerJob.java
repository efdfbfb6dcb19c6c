package lambdalab.course.batch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lambdalab.course.JobArguments;
import lambdalab.course.LabEndpoints;
import lambdalab.course.spark.LabSpark;
import lambdalab.course.spark.SparkProgress;
import org.apache.spark.sql.SparkSession;

/**
 * The batch layer as a program, for {@code spark-submit} (the cluster profile's {@code lab batch}
 * submits it to the lab's Spark cluster): the raw events on HDFS, or TSV files, aggregated into the
 * batch views, exactly as {@code lab batch} runs {@link BatchLayer} in its own JVM.
 */
public final class BatchLayerJob {

    static final String USAGE = """
            Usage: BatchLayerJob --kafka HOST:PORT --cassandra HOST:PORT --hdfs hdfs://HOST:PORT [options]
              --master URL          Spark master (default: spark-submit's --master, else local[2])
              --input PATH          raw events (Parquet), or TSV files with --tsv true (default: the raw
                                    dataset, <hdfs>/lambda/raw/events)
              --tsv true            the input is TSV clickstream files
              --from INSTANT        first hour to aggregate, e.g. 2024-01-01T03:00:00Z
              --to INSTANT          last hour to aggregate (inclusive)
              --source NAME         only the events of this source (a topic of the raw dataset)
              --replication N       copies of each row and block (default 1)""";

    private BatchLayerJob() {
    }

    public static void main(String[] args) {
        Map<String, String> options;
        LabEndpoints endpoints;
        BatchLayer.Input input;
        try {
            options = JobArguments.parse(args);
            endpoints = endpoints(options);
            input = input(options, endpoints);
        } catch (IllegalArgumentException e) { // DateTimeParseException too
            System.err.println("ERROR: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        long start = System.nanoTime();
        try (SparkSession spark = LabSpark.builder("lab batch", JobArguments.master(options), endpoints).getOrCreate()) {
            spark.sparkContext().addSparkListener(new SparkProgress(System.out::println));
            BatchResult result = new BatchLayer(spark, endpoints, System.out::println).run(input, endpoints.replication());
            summary(result, (System.nanoTime() - start) / 1e9).forEach(System.out::println);
        } catch (MissingInputException e) {
            System.err.println("ERROR: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The lines that end a batch run: what it read, wrote and covered, and the malformed lines it skipped. */
    public static List<String> summary(BatchResult result, double seconds) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Batch run done in %.1f s: %,d events read, %,d rows upserted into each "
                + "batch view; covered %s", seconds, result.events(), result.rows(),
                String.join("; ", result.coverageSummary())));
        if (!result.malformed().isEmpty()) {
            lines.add("Malformed lines skipped: " + String.join(", ", BatchLayer.describeMalformed(result)));
            result.examples().stream().limit(5).forEach(example -> lines.add("  e.g. " + example));
        }
        return lines;
    }

    private static LabEndpoints endpoints(Map<String, String> options) {
        String[] cassandra = required(options, "cassandra").split(":");
        if (cassandra.length != 2) {
            throw new IllegalArgumentException("--cassandra takes HOST:PORT, got " + options.get("cassandra"));
        }
        return new LabEndpoints(required(options, "kafka"), cassandra[0], Integer.parseInt(cassandra[1]),
                required(options, "hdfs"), JobArguments.replication(options));
    }

    private static BatchLayer.Input input(Map<String, String> options, LabEndpoints endpoints) {
        String path = options.getOrDefault("input", endpoints.hdfsUri() + RawEvents.DEFAULT_PATH);
        boolean tsv = Boolean.parseBoolean(options.getOrDefault("tsv", "false"));
        return (tsv ? BatchLayer.Input.tsv(path) : BatchLayer.Input.raw(path))
                .between(instant(options.get("from")), instant(options.get("to")))
                .onlySource(options.get("source"));
    }

    private static Long instant(String value) {
        return value == null ? null : Instant.parse(value).toEpochMilli();
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
