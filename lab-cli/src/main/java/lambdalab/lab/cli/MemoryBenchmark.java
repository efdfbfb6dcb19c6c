package lambdalab.lab.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import lambdalab.lab.Lab;
import lambdalab.lab.system.LabProcesses;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lab bench memory}: what the whole course takes when it runs at once on a separate instance:
 * the services, `lab demo` (the generator, the speed layer it starts, its periodic batch runs) and a
 * notebook interpreter holding a SparkSession (`lab shell`, the same REPL as %lab.java), each
 * started by the `lab` script with the JVM flags a learner gets. Samples the memory of every process
 * every few seconds and prints, per process, its memory at the end and its peak, and the total at the
 * end and at its peak (a batch run's JVM comes and goes).
 *
 * <p>Each process's memory is given two ways. Resident memory (RSS) counts every page a process maps,
 * so the pages ten JVMs share (the JVM's own code, the JDK's class archive) count ten times in a sum
 * of them. Proportional memory (PSS) counts a shared page once, split between its processes: its sum
 * is the memory the course takes together, the figure the target is about.
 */
@Command(name = "memory", mixinStandardHelpOptions = true,
        description = {"Start a separate lab instance (your lab is not touched), then `lab demo` at --rate (the "
                + "generator, the speed layer, a batch run every 2 minutes) and a notebook interpreter (`lab shell`) "
                + "that reads the raw events with Spark every minute; after --duration print the memory of every "
                + "process: at the end, its peak, and the total of all at the end and at its peak. Proportional memory "
                + "(PSS) counts a page that several processes share once; resident memory (RSS) once per process.",
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
        Map<String, Footprint> atEnd;
        Map<String, Footprint> peaks = new TreeMap<>();
        Footprint peakTotal = Footprint.NONE;
        Footprint peakWithoutDumps = Footprint.NONE;
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
                BenchInstances.requireRunning(demo, "demo", logs.resolve("bench-demo.log"));
                BenchInstances.requireRunning(shell, "shell", logs.resolve("bench-shell.log"));
                Map<String, Footprint> sample = sample(lab, demo, shell);
                sample.forEach((name, footprint) -> peaks.merge(name, footprint, Footprint::max));
                peakTotal = peakTotal.max(total(sample));
                peakWithoutDumps = peakWithoutDumps.max(total(withoutDumps(sample)));
                progress.printf(Locale.ROOT, "  %s: %s proportional (%s resident) in %d processes%n",
                        Duration.between(Instant.now(), end).isNegative() ? "end" : "running",
                        megabytes(total(sample).proportional()), megabytes(total(sample).resident()), sample.size());
            } while (Instant.now().isBefore(end));
            atEnd = sample(lab, demo, shell);
            snippets.close(); // the shell ends at the end of its input
        } finally {
            stop(demo);
            stop(shell);
            BenchInstances.destroy(lab, progress);
        }
        report(atEnd, peaks, peakTotal, peakWithoutDumps);
        return 0;
    }

    /** One process's memory, or a sum of several: resident (RSS) and proportional (PSS) bytes. */
    record Footprint(long resident, long proportional) {
        static final Footprint NONE = new Footprint(0, 0);

        Footprint plus(Footprint other) {
            return new Footprint(resident + other.resident, proportional + other.proportional);
        }

        Footprint max(Footprint other) {
            return new Footprint(Math.max(resident, other.resident), Math.max(proportional, other.proportional));
        }
    }

    /** Memory per process: the supervisor's tree (services, speed layer), the demo's and the shell's. */
    private static Map<String, Footprint> sample(Lab lab, Process demo, Process shell) {
        Map<String, Footprint> bytes = new TreeMap<>();
        Stream<ProcessHandle> roots = Stream.concat(lab.runningSupervisor().stream(),
                Stream.of(demo.toHandle(), shell.toHandle()));
        roots.flatMap(root -> Stream.concat(Stream.of(root), root.descendants())).filter(ProcessHandle::isAlive)
                .forEach(process -> LabProcesses.residentBytes(process.pid()).ifPresent(rss ->
                        bytes.merge(ProcessRoles.of(process), new Footprint(rss,
                                LabProcesses.proportionalBytes(process.pid()).orElse(rss)), Footprint::plus)));
        return bytes;
    }

    private static void stop(Process process) {
        if (process != null && process.isAlive()) {
            LabProcesses.stop(process.toHandle(), Duration.ofSeconds(90)); // the demo stops the speed layer it started
        }
    }

    private static Footprint total(Map<String, Footprint> sample) {
        return sample.values().stream().reduce(Footprint.NONE, Footprint::plus);
    }

    private static Map<String, Footprint> withoutDumps(Map<String, Footprint> sample) {
        Map<String, Footprint> rest = new TreeMap<>(sample);
        rest.remove(ProcessRoles.CLASS_ARCHIVE_DUMP);
        return rest;
    }

    private static void report(Map<String, Footprint> atEnd, Map<String, Footprint> peaks, Footprint peakTotal,
                               Footprint peakWithoutDumps) {
        System.out.println();
        String row = "%-28s %12s %12s %12s %12s%n";
        System.out.printf(Locale.ROOT, row, "Process", "PSS at end", "PSS peak", "RSS at end", "RSS peak");
        peaks.forEach((name, peak) -> {
            Footprint end = atEnd.get(name);
            System.out.printf(Locale.ROOT, row, name, end == null ? "-" : megabytes(end.proportional()),
                    megabytes(peak.proportional()), end == null ? "-" : megabytes(end.resident()),
                    megabytes(peak.resident()));
        });
        Footprint endTotal = total(atEnd);
        System.out.printf(Locale.ROOT, row, "total", megabytes(endTotal.proportional()),
                megabytes(peakTotal.proportional()), megabytes(endTotal.resident()), megabytes(peakTotal.resident()));
        if (peaks.containsKey(ProcessRoles.CLASS_ARCHIVE_DUMP)) {
            Footprint endWithout = total(withoutDumps(atEnd));
            System.out.printf(Locale.ROOT, row, "total without the dumps", megabytes(endWithout.proportional()),
                    megabytes(peakWithoutDumps.proportional()), megabytes(endWithout.resident()),
                    megabytes(peakWithoutDumps.resident()));
            System.out.printf(Locale.ROOT, "A class-archive dump runs once per JVM after a build changed its jars, at "
                    + "idle priority; without them the peak is %.2fx of the target (PSS).%n",
                    ratio(peakWithoutDumps.proportional()));
        }
        System.out.printf(Locale.ROOT, "Target: <= %s all-in (PSS): %.2fx of it at the end, %.2fx at the peak "
                        + "(RSS, shared pages counted once per process: %.2fx and %.2fx).%n", megabytes(TARGET_BYTES),
                ratio(endTotal.proportional()), ratio(peakTotal.proportional()), ratio(endTotal.resident()),
                ratio(peakTotal.resident()));
    }

    private static double ratio(long bytes) {
        return (double) bytes / TARGET_BYTES;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", bytes / (1024 * 1024));
    }
}
