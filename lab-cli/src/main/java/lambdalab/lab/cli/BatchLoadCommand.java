package lambdalab.lab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import lambdalab.course.batch.MalformedLines;
import lambdalab.course.batch.RawEvents;
import lambdalab.course.batch.TsvEvents;
import lambdalab.course.clickstream.ClickstreamGenerator;
import lambdalab.course.clickstream.FileSink;
import lambdalab.course.clickstream.GeneratorSettings;
import lambdalab.course.clickstream.GroundTruth;
import lambdalab.course.clickstream.ProductHour;
import lambdalab.course.clickstream.TeeSink;
import lambdalab.course.spark.LabSpark;
import lambdalab.course.spark.SparkProgress;
import lambdalab.lab.Lab;
import lambdalab.lab.system.Directories;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Generate events and write them into the raw dataset on HDFS (Parquet, partitioned by hour, "
                + "under topic generated), so the batch layer has data without the speed layer. Loading the same "
                + "events again replaces them.",
                "The events start a year before `lab generate`'s default start: with the same seed the generator "
                + "makes the same events, which, loaded and also streamed into the same hours, would count twice."})
final class BatchLoadCommand implements Callable<Integer> {

    /**
     * A year before {@code lab generate}'s default start: a load of up to 65 million events (at the
     * default nominal rate) ends before it.
     */
    static final String DEFAULT_START = "2023-01-01T00:00:00Z";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

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

    @Option(names = "--start", paramLabel = "INSTANT", defaultValue = DEFAULT_START,
            description = "Simulated time of the first event (default: ${DEFAULT-VALUE}, a year before `lab generate`'s).")
    String start;

    @Option(names = "--truth", paramLabel = "FILE", description = "Also write the exact aggregates of the loaded events.")
    Path truth;

    private long startMs() {
        try {
            return Instant.parse(start).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(),
                    "--start must be an instant like 2023-01-01T00:00:00Z, not '" + start + "'.");
        }
    }

    @Override
    public Integer call() throws IOException {
        Lab lab = options.lab();
        GeneratorSettings settings = GeneratorSettings.builder().events(events).seed(seed).nominalRate(nominalRate)
                .startMs(startMs()).build();
        Path staging = Files.createTempDirectory(lab.settings().tmpDir(), "load-");
        long started = System.nanoTime();
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
            Set<ProductHour> loaded = groundTruth.activity().keySet(); // computed on each call: once
            SortedSet<Long> hours = loaded.stream().map(ProductHour::timestampHour)
                    .collect(Collectors.toCollection(TreeSet::new));
            System.out.printf(Locale.ROOT, "Loaded %,d events (%,d product-hours, %s to %s) in %.1f s%s%n", events,
                    loaded.size(), Instant.ofEpochMilli(hours.first()), Instant.ofEpochMilli(hours.last()),
                    (System.nanoTime() - started) / 1e9, truth == null ? "" : "; truth in " + truth);
            return 0;
        } finally {
            Directories.deleteRecursively(staging);
        }
    }
}
