package lambdalab.lab.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import lambdalab.course.LabEndpoints;
import lambdalab.course.batch.BatchLayer;
import lambdalab.course.batch.BatchLayerJob;
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
                + "in Cassandra, each row with the sources whose events it counts (the raw dataset's topics: "
                + "generated for loaded events, else a Kafka topic). Then record in lambda.batch_coverage, for "
                + "exactly the (source, hour) pairs it aggregated, whether the hour was complete (for a Kafka topic: "
                + "every partition already had events of a later hour) and up to which offsets it read them; the "
                + "serving layer trusts a batch row only that far. A rerun on the same input leaves identical rows.",
                "Warns about every hour that holds events of more than one source (often the same events loaded "
                + "and streamed). `lab batch load` writes generated events into the raw dataset first.",
                "In the cluster profile it submits the batch layer's job (lambdalab.course.batch.BatchLayerJob, the "
                + "course jar) to the lab's Spark cluster and shows its output; in the single-node lab Spark runs in "
                + "this command's JVM."})
final class BatchCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    LabOptions options;

    @Option(names = "--input", paramLabel = "PATH",
            description = "Raw events (Parquet) or, with --tsv, TSV files: a file or folder, hdfs:// or file://; a path "
                    + "without either is on the lab's HDFS, or on this machine when only this machine has it "
                    + "(default: the raw dataset " + RawEvents.DEFAULT_PATH + " on the lab's HDFS).")
    String input;

    @Option(names = "--tsv", description = "The input is TSV clickstream files, not the raw Parquet dataset.")
    boolean tsv;

    @Option(names = "--from", paramLabel = "INSTANT", description = "First hour to aggregate, e.g. 2024-01-01T03:00:00Z.")
    String from;

    @Option(names = "--to", paramLabel = "INSTANT", description = "Last hour to aggregate (inclusive). It counts as "
            + "complete only if every Kafka partition of its topic already has events of a later hour.")
    String to;

    @Option(names = "--source", paramLabel = "NAME", description = "Only the events of this source: a topic of the "
            + "raw dataset, `generated` (loaded by `lab batch load`) or a Kafka topic, e.g. weblogs-text "
            + "(default: every source).")
    String source;

    @Option(names = "--replication",
            description = "Replication factor of keyspace lambda when it is created (default: the lab's, 1; 3 in the "
                    + "cluster profile).")
    Integer replication;

    @Override
    public Integer call() {
        if (tsv && source != null) {
            throw new ParameterException(spec.commandLine(), "--source picks a topic of the raw dataset; TSV input "
                    + "has one source, its path.");
        }
        Lab lab = options.lab();
        String path = input != null ? BatchInputPath.resolve(input, lab.endpoints(), System.out::println)
                : lab.endpoints().hdfsUri() + RawEvents.DEFAULT_PATH;
        LabEndpoints endpoints = replication != null ? lab.endpoints().withReplication(replication) : lab.endpoints();
        if (lab.services().sparkSubmission().isPresent()) {
            return new SubmittedBatch(lab.settings(), lab.services().sparkSubmission().get()).run(endpoints,
                    jobArguments(path));
        }
        BatchLayer.Input batchInput = (tsv ? BatchLayer.Input.tsv(path) : BatchLayer.Input.raw(path))
                .between(instant("--from", from), instant("--to", to)).onlySource(source);
        long start = System.nanoTime();
        try (SparkSession spark = LabSpark.builder("lab batch", "local[2]", lab.endpoints()).getOrCreate()) {
            spark.sparkContext().addSparkListener(new SparkProgress(System.out::println));
            BatchResult result = new BatchLayer(spark, lab.endpoints(), System.out::println).run(batchInput,
                    endpoints.replication());
            BatchLayerJob.summary(result, (System.nanoTime() - start) / 1e9).forEach(System.out::println);
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

    /** The batch job's arguments for what this command was given (the cluster profile submits it). */
    private List<String> jobArguments(String path) {
        List<String> arguments = new ArrayList<>(List.of("--input", path, "--tsv", Boolean.toString(tsv)));
        if (from != null) {
            arguments.addAll(List.of("--from", Instant.ofEpochMilli(instant("--from", from)).toString()));
        }
        if (to != null) {
            arguments.addAll(List.of("--to", Instant.ofEpochMilli(instant("--to", to)).toString()));
        }
        if (source != null) {
            arguments.addAll(List.of("--source", source));
        }
        return arguments;
    }
}
