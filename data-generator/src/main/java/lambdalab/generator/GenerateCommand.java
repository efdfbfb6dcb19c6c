package lambdalab.generator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import lambdalab.course.clickstream.ClickstreamGenerator;
import lambdalab.course.clickstream.EventSink;
import lambdalab.course.clickstream.FileSink;
import lambdalab.course.clickstream.GeneratorSettings;
import lambdalab.course.clickstream.GroundTruth;
import lambdalab.course.clickstream.StdoutSink;
import lambdalab.course.clickstream.TeeSink;
import lambdalab.course.kafka.KafkaSink;
import lambdalab.course.kafka.KafkaTopics;
import lambdalab.course.kafka.KafkaUnreachableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code lab generate}: deterministic clickstream traffic (the course's 7-field TSV) to Kafka, to
 * files or to stdout, with a progress display, a summary, and optionally the exact truth of what
 * was emitted. {@link #defaultBootstrapServers()} is the Kafka used when none is given; the lab's
 * CLI points it at the running lab.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate clickstream events (timestamp, referrer, action, prevPage, visitor, page, product; "
                + "tab separated) to Kafka, files or stdout. The same seed and settings give byte-identical events.",
                "Event time is simulated: at the nominal rate, one real second is time-multiplier simulated seconds."})
public class GenerateCommand implements Callable<Integer> {

    /** The event budget of a --duration run: a trillion, days of traffic at any rate this reaches. */
    static final long UNBOUNDED_EVENTS = 1_000_000_000_000L;

    /** How long a Ctrl-C waits for the flush, the truth file and the summary (10 million events' truth: seconds). */
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    /** Where the events go. */
    public enum Destination { kafka, files, stdout }

    @Spec
    CommandSpec spec;

    @Option(names = "--to", defaultValue = "kafka", description = "kafka, files or stdout (default: ${DEFAULT-VALUE}).")
    Destination destination;

    @Option(names = "--topic", defaultValue = GeneratorSettings.DEFAULT_TOPIC,
            description = "Kafka topic (default: ${DEFAULT-VALUE}); created if missing.")
    String topic;

    @Option(names = "--partitions", defaultValue = "2", description = "Partitions of a topic this creates (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "Kafka to send to (default: the lab's).")
    String bootstrapServers;

    @Option(names = "--out", paramLabel = "DIR", description = "Directory for --to files.")
    Path out;

    @Option(names = "--events", paramLabel = "N", description = "How many events (default: files x records-per-file).")
    Long events;

    @Option(names = "--duration", paramLabel = "DURATION",
            description = "Generate for this long instead of a number of events, e.g. 30s, 5m, PT1H.")
    String duration;

    @Option(names = "--rate", paramLabel = "EVENTS_PER_S", defaultValue = "unlimited",
            description = "Pace output at this many events per real second, or unlimited (default: ${DEFAULT-VALUE}).")
    String rate;

    @Option(names = "--nominal-rate", paramLabel = "EVENTS_PER_S",
            description = "Events per real second the simulated clock assumes (default: the rate, or 1000 when unlimited).")
    Integer nominalRate;

    @Option(names = "--start", paramLabel = "INSTANT",
            description = "Simulated time of the first event, e.g. 2024-01-01T00:00:00Z (default).")
    String start;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--time-multiplier", defaultValue = "480",
            description = "Simulated seconds per real second of nominal traffic (default: ${DEFAULT-VALUE}).")
    int timeMultiplier;

    @Option(names = "--pages", defaultValue = "15", description = "Number of pages, Page-0.. (default: ${DEFAULT-VALUE}).")
    int pages;

    @Option(names = "--visitors", defaultValue = "1000000", description = "Number of visitors, Visitor-0.. (default: ${DEFAULT-VALUE}).")
    int visitors;

    @Option(names = "--files", defaultValue = "50", description = "Files to write with --to files (default: ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--records-per-file", defaultValue = "200", description = "Records per file (default: ${DEFAULT-VALUE}).")
    int recordsPerFile;

    @Option(names = "--truth", paramLabel = "FILE",
            description = "Also write the exact per-(product, hour) action counts and distinct visitors of the emitted "
                    + "events; renamed into place only when complete, also after a Ctrl-C.")
    Path truth;

    @Option(names = "--quiet", description = "No progress display and no summary.")
    boolean quiet;

    /** The Kafka used when --bootstrap-servers is not given. */
    protected String defaultBootstrapServers() {
        return "127.0.0.1:9092";
    }

    @Override
    public Integer call() throws IOException {
        GeneratorSettings settings = settings();
        Duration runFor = parseDuration();
        checkTruthFile();
        // with stdout as the data channel, progress and summary go to stderr
        PrintStream console = destination == Destination.stdout ? System.err : System.out;
        String target = describeTarget();
        GroundTruth groundTruth = truth == null ? null : new GroundTruth();
        PrintStream progressOut = quiet ? new PrintStream(OutputStream.nullOutputStream()) : console;
        long total = runFor == null ? settings.events() : 0;
        RunStatistics statistics = new RunStatistics(
                new Progress(progressOut, "generate", total, System.console() != null));
        StopOnShutdown stop = StopOnShutdown.install(STOP_WAIT, () -> { });
        try {
            try (EventSink sink = sinks(statistics, groundTruth)) {
                BooleanSupplier inTime = stopAfter(runFor);
                new ClickstreamGenerator(settings).writeTo(sink, () -> inTime.getAsBoolean() && !stop.requested());
            }
            // the sinks are closed (flushed); a Ctrl-C still waits for the truth file and the summary
            if (groundTruth != null) {
                groundTruth.writeTsv(truth);
            }
            if (!quiet) {
                statistics.printSummary(console, target + (truth == null ? "" : "; truth in " + truth)
                        + (stop.requested() ? " (stopped early on request)" : ""));
            }
        } finally {
            stop.finished();
        }
        return 0;
    }

    /** --truth must name a file in an existing directory: found out before generating, not after. */
    private void checkTruthFile() {
        if (truth == null) {
            return;
        }
        Path directory = truth.toAbsolutePath().getParent();
        if (Files.isDirectory(truth)) {
            throw new ParameterException(spec.commandLine(), "--truth must name a file, but " + truth + " is a directory.");
        }
        if (!Files.isDirectory(directory)) {
            throw new ParameterException(spec.commandLine(), "--truth " + truth + ": the directory " + directory
                    + " does not exist.");
        }
    }

    GeneratorSettings settings() {
        GeneratorSettings.Builder builder = GeneratorSettings.builder()
                .topic(topic).seed(seed).timeMultiplier(timeMultiplier).pages(pages).visitors(visitors)
                .files(files).recordsPerFile(recordsPerFile).rate(parseRate());
        if (events != null) {
            builder.events(events);
        }
        if (duration != null) {
            builder.events(UNBOUNDED_EVENTS); // bounded by time instead
        }
        if (nominalRate != null) {
            builder.nominalRate(nominalRate);
        }
        if (start != null) {
            builder.startMs(parseStart());
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid setting: " + e.getMessage());
        }
    }

    private EventSink sinks(RunStatistics statistics, GroundTruth groundTruth) {
        List<EventSink> sinks = new ArrayList<>();
        sinks.add(destinationSink());
        sinks.add(statistics);
        if (groundTruth != null) {
            sinks.add(groundTruth);
        }
        return new TeeSink(sinks);
    }

    private EventSink destinationSink() {
        return switch (destination) {
            case kafka -> {
                KafkaTopics.ensureLogTopic(bootstrap(), topic, partitions);
                yield new KafkaSink(bootstrap(), topic);
            }
            case files -> {
                if (out == null) {
                    throw new ParameterException(spec.commandLine(), "--to files needs --out DIR (where to write the files).");
                }
                yield new FileSink(out, recordsPerFile);
            }
            case stdout -> new StdoutSink();
        };
    }

    private String describeTarget() {
        return switch (destination) {
            case kafka -> "Kafka topic " + topic + " at " + bootstrap();
            case files -> "files in " + out;
            case stdout -> "stdout";
        };
    }

    private String bootstrap() {
        return bootstrapServers != null ? bootstrapServers : defaultBootstrapServers();
    }

    private int parseRate() {
        if (rate.equalsIgnoreCase("unlimited")) {
            return 0;
        }
        try {
            int value = Integer.parseInt(rate);
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(),
                    "--rate must be a whole number of events per second (at least 1) or 'unlimited', not '" + rate + "'.");
        }
    }

    private long parseStart() {
        try {
            return Instant.parse(start).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(),
                    "--start must be an instant like 2024-01-01T00:00:00Z, not '" + start + "'.");
        }
    }

    private Duration parseDuration() {
        if (duration == null) {
            return null;
        }
        if (events != null) {
            throw new ParameterException(spec.commandLine(), "Give --events or --duration, not both.");
        }
        try {
            return HumanDuration.parse(duration);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(),
                    "--duration must be a positive duration like 30s, 5m, 1h or PT1H30M, not '" + duration + "'.");
        }
    }

    private static BooleanSupplier stopAfter(Duration runFor) {
        if (runFor == null) {
            return () -> true;
        }
        long deadline = System.nanoTime() + runFor.toNanos();
        return () -> System.nanoTime() < deadline;
    }

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new GenerateCommand());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof KafkaUnreachableException) {
                cmd.getErr().println("ERROR: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        System.exit(commandLine.execute(args));
    }
}
