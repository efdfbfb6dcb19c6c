package lambdalab.lab.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import lambdalab.course.batch.BatchLayer;
import lambdalab.course.batch.BatchResult;
import lambdalab.course.batch.RawEvents;
import lambdalab.course.spark.LabSpark;
import lambdalab.course.spark.SparkProgress;
import lambdalab.lab.Lab;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "batch", mixinStandardHelpOptions = true, subcommands = BatchLoadCommand.class,
        description = {"Run the batch layer: aggregate the raw events on HDFS (or TSV files) per (product, hour) "
                + "and upsert the batch views lambda.batch_activity_by_product and lambda.batch_visitors_by_product "
                + "in Cassandra; record the batch watermark. A rerun on the same input leaves identical rows.",
                "`lab batch load` writes generated events into the raw dataset first."})
final class BatchCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    LabOptions options;

    @Option(names = "--input", paramLabel = "PATH",
            description = "Raw events (Parquet) or, with --tsv, TSV files: a file or folder, hdfs:// or file:// "
                    + "(default: the raw dataset " + RawEvents.DEFAULT_PATH + " on the lab's HDFS).")
    String input;

    @Option(names = "--tsv", description = "The input is TSV clickstream files, not the raw Parquet dataset.")
    boolean tsv;

    @Option(names = "--from", paramLabel = "INSTANT", description = "First hour to aggregate, e.g. 2024-01-01T03:00:00Z.")
    String from;

    @Option(names = "--to", paramLabel = "INSTANT", description = "Last hour to aggregate (inclusive); also the watermark.")
    String to;

    @Option(names = "--replication", defaultValue = "1",
            description = "Replication factor of keyspace lambda when it is created (default: ${DEFAULT-VALUE}).")
    int replication;

    @Override
    public Integer call() {
        Lab lab = options.lab();
        String path = input != null ? input : lab.endpoints().hdfsUri() + RawEvents.DEFAULT_PATH;
        BatchLayer.Input batchInput = (tsv ? BatchLayer.Input.tsv(path) : BatchLayer.Input.raw(path))
                .between(instant("--from", from), instant("--to", to));
        long start = System.nanoTime();
        try (SparkSession spark = LabSpark.builder("lab batch", "local[2]", lab.endpoints()).getOrCreate()) {
            spark.sparkContext().addSparkListener(new SparkProgress(System.out::println));
            BatchResult result = new BatchLayer(spark, lab.endpoints(), System.out::println).run(batchInput, replication);
            printSummary(result, (System.nanoTime() - start) / 1e9);
        }
        return 0;
    }

    private Long instant(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(),
                    option + " must be an instant like 2024-01-01T03:00:00Z, not '" + value + "'.");
        }
    }

    private static void printSummary(BatchResult result, double seconds) {
        System.out.printf(Locale.ROOT, "Batch run done in %.1f s: %,d events read, %,d rows upserted into each batch view, "
                + "watermark %s%n", seconds, result.events(), result.rows(), Instant.ofEpochMilli(result.watermarkHour()));
        if (!result.malformed().isEmpty()) {
            System.out.println("Malformed lines skipped: " + String.join(", ", BatchLayer.describeMalformed(result)));
            result.examples().stream().limit(5).forEach(example -> System.out.println("  e.g. " + example));
        }
    }
}
