package lambdalab.lab.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import lambdalab.lab.Lab;
import lambdalab.lab.service.LabService;
import lambdalab.lab.system.LabProcesses;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lab bench memory}: what the whole course takes when it runs at once on a separate instance:
 * the services, `lab demo` (the generator, the speed layer it starts, its periodic batch runs) and a
 * notebook interpreter holding a SparkSession (`lab shell`, the same REPL as %lab.java), each
 * started by the `lab` script with the JVM flags a learner gets. Samples the resident memory of
 * every process every few seconds and prints, per process, its memory at the end and its peak, and
 * the total at the end and at its peak (a batch run's JVM comes and goes).
 */
@Command(name = "memory", mixinStandardHelpOptions = true,
        description = {"Start a separate lab instance (your lab is not touched), then `lab demo` at --rate (the "
                + "generator, the speed layer, a batch run every 2 minutes) and a notebook interpreter (`lab shell`) "
                + "that reads the raw events with Spark every minute; after --duration print the resident memory "
                + "(RSS) of every process: at the end, its peak, and the total of all at the end and at its peak.",
                "Target: <= 3.5 GB all-in (the original course's VM had 4 GB, its operating system included)."})
final class MemoryBenchmark implements Callable<Integer> {

    private static final long TARGET_BYTES = 3_500L * 1024 * 1024;
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(5);
    private static final Duration QUERY_EVERY = Duration.ofMinutes(1);
    /** What a note does with its SparkSession: a query over the raw events the demo's speed layer wrote. */
    private static final String NOTE_QUERY =
            "show(spark.read().parquet(endpoints.hdfsUri() + \"/lambda/raw/events\").groupBy(\"action\").count())";

    @Mixin
    LabOptions options;

    @Mixin
    BenchProgress benchProgress;

    @Option(names = "--duration", defaultValue = "5m", paramLabel = "DURATION",
            description = "How long everything runs before the figures (default ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--rate", defaultValue = "2000", description = "Events per second of the demo's generator "
            + "(default ${DEFAULT-VALUE}).")
    int rate;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Duration length = DurationOption.parse(spec, "--duration", duration);
        PrintStream progress = benchProgress.out();
        Lab lab = BenchInstances.create(options, Map.of());
        Path logs = lab.settings().home().resolve("logs");
        Map<String, Long> atEnd;
        Map<String, Long> peaks = new TreeMap<>();
        long peakTotal = 0;
        Process demo = null;
        Process shell = null;
        try {
            BenchInstances.start(lab, progress);
            demo = BenchInstances.labScript(options, lab, logs.resolve("bench-demo.log"), "demo", "--rate",
                    Integer.toString(rate));
            shell = BenchInstances.labScript(options, lab, logs.resolve("bench-shell.log"), "shell");
            Writer snippets = new OutputStreamWriter(shell.getOutputStream(), StandardCharsets.UTF_8);
            Instant end = Instant.now().plus(length);
            Instant nextQuery = Instant.now().plus(QUERY_EVERY);
            progress.printf(Locale.ROOT, "Everything runs for %s; sampling memory every %d s ...%n", length,
                    SAMPLE_EVERY.toSeconds());
            do {
                Thread.sleep(SAMPLE_EVERY.toMillis());
                if (Instant.now().isAfter(nextQuery)) {
                    snippets.write(NOTE_QUERY + "\n");
                    snippets.flush();
                    nextQuery = Instant.now().plus(QUERY_EVERY);
                }
                Map<String, Long> sample = sample(lab, demo, shell);
                sample.forEach((name, bytes) -> peaks.merge(name, bytes, Math::max));
                peakTotal = Math.max(peakTotal, total(sample));
                progress.printf(Locale.ROOT, "  %s: %s in %d processes%n", Duration.between(Instant.now(), end)
                        .isNegative() ? "end" : "running", megabytes(total(sample)), sample.size());
            } while (Instant.now().isBefore(end));
            atEnd = sample(lab, demo, shell);
            snippets.close(); // the shell ends at the end of its input
        } finally {
            stop(demo);
            stop(shell);
            BenchInstances.destroy(lab, progress);
        }
        report(atEnd, peaks, peakTotal);
        return 0;
    }

    /** RSS per process: the supervisor's tree (services, speed layer), the demo's and the shell's. */
    private static Map<String, Long> sample(Lab lab, Process demo, Process shell) {
        Map<String, Long> bytes = new TreeMap<>();
        Stream<ProcessHandle> roots = Stream.concat(lab.runningSupervisor().stream(),
                Stream.of(demo.toHandle(), shell.toHandle()));
        roots.flatMap(root -> Stream.concat(Stream.of(root), root.descendants())).filter(ProcessHandle::isAlive)
                .forEach(process -> LabProcesses.residentBytes(process.pid()).ifPresent(rss ->
                        bytes.merge(name(process), rss, Long::sum)));
        return bytes;
    }

    /** A process's role, from its command line: a service's marker, or the `lab` command it runs. */
    private static String name(ProcessHandle process) {
        String command = LabProcesses.commandLine(process);
        int marker = command.indexOf(LabService.SERVICE_MARKER);
        if (marker >= 0) {
            return command.substring(marker + LabService.SERVICE_MARKER.length()).split("\\s+")[0];
        }
        for (String role : List.of("supervise", "demo", "batch", "shell")) {
            if (command.contains(LabCommand.class.getName() + " " + role)) {
                return role.equals("shell") ? "interpreter (lab shell)" : role.equals("batch") ? "batch run" : role;
            }
        }
        return "other (" + process.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("?") + ")";
    }

    private static void stop(Process process) {
        if (process != null && process.isAlive()) {
            LabProcesses.stop(process.toHandle(), Duration.ofSeconds(90)); // the demo stops the speed layer it started
        }
    }

    private static long total(Map<String, Long> sample) {
        return sample.values().stream().mapToLong(Long::longValue).sum();
    }

    private static void report(Map<String, Long> atEnd, Map<String, Long> peaks, long peakTotal) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-28s %12s %12s%n", "Process", "RSS at end", "peak");
        peaks.forEach((name, peak) -> System.out.printf(Locale.ROOT, "%-28s %12s %12s%n", name,
                atEnd.containsKey(name) ? megabytes(atEnd.get(name)) : "-", megabytes(peak)));
        System.out.printf(Locale.ROOT, "%-28s %12s %12s%n", "total", megabytes(total(atEnd)), megabytes(peakTotal));
        System.out.printf(Locale.ROOT, "Target: <= %s all-in: %.2fx of it at the end, %.2fx at the peak.%n",
                megabytes(TARGET_BYTES), (double) total(atEnd) / TARGET_BYTES, (double) peakTotal / TARGET_BYTES);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", bytes / (1024 * 1024));
    }
}
