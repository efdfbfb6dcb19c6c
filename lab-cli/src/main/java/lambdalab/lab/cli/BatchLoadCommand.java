package lambdalab.lab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import lambdalab.course.batch.MalformedLines;
import lambdalab.course.batch.RawEvents;
import lambdalab.course.batch.TsvEvents;
import lambdalab.course.clickstream.ClickstreamGenerator;
import lambdalab.course.clickstream.FileSink;
import lambdalab.course.clickstream.GeneratorSettings;
import lambdalab.course.clickstream.GroundTruth;
import lambdalab.course.clickstream.TeeSink;
import lambdalab.course.spark.LabSpark;
import lambdalab.course.spark.SparkProgress;
import lambdalab.lab.Lab;
import lambdalab.lab.system.Directories;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Generate events and write them into the raw dataset on HDFS (Parquet, partitioned by hour), "
                + "so the batch layer has data without the speed layer. Loading the same events again replaces them.")
final class BatchLoadCommand implements Callable<Integer> {

    @Mixin
    LabOptions options;

    @Option(names = "--events", defaultValue = "100000", description = "How many events (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--nominal-rate", defaultValue = "1000",
            description = "Events per real second the simulated clock assumes; at 1000 (default) an hour holds "
                    + "7,500 events.")
    int nominalRate;

    @Option(names = "--truth", paramLabel = "FILE", description = "Also write the exact aggregates of the loaded events.")
    Path truth;

    @Override
    public Integer call() throws IOException {
        Lab lab = options.lab();
        GeneratorSettings settings = GeneratorSettings.builder().events(events).seed(seed).nominalRate(nominalRate).build();
        Path staging = Files.createTempDirectory(lab.settings().tmpDir(), "load-");
        long start = System.nanoTime();
        try {
            GroundTruth groundTruth = new GroundTruth();
            System.out.printf(Locale.ROOT, "Generating %,d events ...%n", events);
            try (TeeSink sink = TeeSink.of(new FileSink(staging, 1_000_000), groundTruth)) {
                new ClickstreamGenerator(settings).writeTo(sink);
            }
            String path = lab.endpoints().hdfsUri() + RawEvents.DEFAULT_PATH;
            System.out.println("Writing them to " + path + " ...");
            try (SparkSession spark = LabSpark.builder("lab batch load", "local[2]", lab.endpoints()).getOrCreate()) {
                spark.sparkContext().addSparkListener(new SparkProgress(System.out::println));
                MalformedLines malformed = new MalformedLines(spark.sparkContext());
                RawEvents.writeGenerated(TsvEvents.read(spark, staging.toUri().toString(), malformed), path);
            }
            if (truth != null) {
                groundTruth.writeTsv(truth);
            }
            System.out.printf(Locale.ROOT, "Loaded %,d events (%,d product-hours) in %.1f s%s%n", events,
                    groundTruth.activity().size(), (System.nanoTime() - start) / 1e9,
                    truth == null ? "" : "; truth in " + truth);
            return 0;
        } finally {
            Directories.deleteRecursively(staging);
        }
    }
}
