package lambdalab.lab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import lambdalab.lab.Lab;
import lambdalab.lab.service.StreamJobStatus;
import lambdalab.lab.system.LabProcesses;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lab bench demo}: what a learner sees first, measured. `lab demo` runs at its defaults on a
 * separate instance, started by the `lab` script with a learner's JVM flags; the speed layer's status
 * file is read every 100 ms, so each micro-batch is seen once (its scheduling delay, its processing
 * time), together with whether one of the demo's batch runs was going on at that moment: the periodic
 * batch JVM, the generator, the services and the speed layer share the machine's cores.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start a separate lab instance (your lab is not touched), run `lab demo` on it as a learner "
                + "does (the generator at --rate, the speed layer, a batch run every --batch-every) for --duration, "
                + "and print: the time from the demo's start to the speed layer running, and the speed layer's "
                + "scheduling delay and processing time per micro-batch (p50, p99, max), over all batches and over "
                + "those that ran beside a batch run.",
                "Targets: the job running <= 15 s after the demo starts it; scheduling delay p99 <= 2 s."})
final class DemoBenchmark implements Callable<Integer> {

    private static final Duration TARGET_READY = Duration.ofSeconds(15);
    private static final long TARGET_DELAY_MS = 2_000;
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(100);
    private static final Duration REPORT_EVERY = Duration.ofMinutes(1);
    /** The demo's stop, the speed layer's stop and the instance's. */
    private static final Duration STOP_MARGIN = Duration.ofMinutes(3);
    /** Of the job's log: its start-up line and its first slow batches (one line per 10 s at most). */
    private static final int JOB_LINES = 12;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    LabOptions options;

    @Mixin
    BenchProgress benchProgress;

    @Option(names = "--duration", defaultValue = "10m", paramLabel = "DURATION",
            description = "Live traffic, counted once the speed layer runs (default ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--rate", defaultValue = "2000", description = "Events per second (default: the demo's, ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--batch-every", defaultValue = "2m", paramLabel = "DURATION",
            description = "Time between batch runs (default: the demo's, ${DEFAULT-VALUE}).")
    String batchEvery;

    @Override
    public Integer call() throws Exception {
        Duration live = DurationOption.parse(spec, "--duration", duration);
        DurationOption.parse(spec, "--batch-every", batchEvery); // refused here rather than by the demo
        PrintStream progress = benchProgress.out();
        Lab lab = BenchInstances.create(options, Map.of());
        ObservedBatches batches = new ObservedBatches();
        Optional<Duration> ready;
        List<String> jobsAccount = List.of();
        try {
            BenchInstances.start(lab, progress);
            Path log = lab.settings().home().resolve("logs").resolve("bench-demo.log");
            Instant started = Instant.now();
            Process demo = BenchInstances.labScript(options, lab, log, "demo", "--rate", Integer.toString(rate),
                    "--batch-every", batchEvery, "--duration", duration);
            System.out.printf(Locale.ROOT, "`lab demo` runs for %s of live traffic (its log while it runs: %s); reading the speed "
                    + "layer's status every %d ms ...%n", live, log, SAMPLE_EVERY.toMillis());
            ready = watch(lab, demo, started, started.plus(live).plus(STOP_MARGIN).plus(TARGET_READY.multipliedBy(4)),
                    batches);
            if (demo.isAlive()) {
                LabProcesses.stop(demo.toHandle(), STOP_MARGIN);
                throw new IllegalStateException("`lab demo` did not end in time; the end of its output:\n"
                        + BenchInstances.tail(log));
            }
            if (demo.exitValue() != 0) {
                throw new IllegalStateException("`lab demo` failed (exit code " + demo.exitValue() + "); the end of its "
                        + "output:\n" + BenchInstances.tail(log));
            }
            jobsAccount = jobsAccount(lab.settings().home().resolve("logs").resolve("stream.log"));
        } finally {
            BenchInstances.destroy(lab, progress);
        }
        report(ready, batches, live);
        System.out.println("The job's own account (its log, deleted with the instance): how its start went, and its "
                + "slow batches with the time of each output:");
        jobsAccount.forEach(line -> System.out.println("  " + line));
        return 0;
    }

    /** The job's start-up line and its first slow-batch lines, which say where a delay came from. */
    private static List<String> jobsAccount(Path streamLog) throws IOException {
        if (!Files.exists(streamLog)) {
            return List.of("(no log at " + streamLog + ")");
        }
        try (Stream<String> lines = Files.lines(streamLog)) {
            return lines.filter(line -> line.startsWith("Started in") || line.startsWith("Slow batch"))
                    .limit(JOB_LINES).toList();
        }
    }

    /**
     * Reads the speed layer's status until the demo ends (or the deadline): each batch it reports, and
     * when it first says it runs (returned: the time from the demo's start).
     */
    private static Optional<Duration> watch(Lab lab, Process demo, Instant started, Instant deadline,
                                            ObservedBatches batches) throws InterruptedException {
        Optional<Duration> ready = Optional.empty();
        Instant nextReport = Instant.now().plus(REPORT_EVERY);
        while (demo.isAlive() && Instant.now().isBefore(deadline)) {
            Optional<StreamJobStatus> status = lab.streamJob().statusFile().read();
            if (ready.isEmpty() && status.filter(s -> StreamJobStatus.RUNNING.equals(s.state())).isPresent()) {
                ready = Optional.of(Duration.between(started, Instant.now()));
                System.out.printf(Locale.ROOT, "  the speed layer runs, %.1f s after the demo started%n",
                        ready.get().toMillis() / 1000.0);
            }
            boolean batchRun = batchRunGoingOn(demo);
            status.map(StreamJobStatus::lastBatch).ifPresent(last -> batches.add(new ObservedBatches.Batch(
                    last.time(), last.events(), last.processingMs(), last.schedulingDelayMs(), batchRun)));
            if (Instant.now().isAfter(nextReport)) {
                System.out.printf(Locale.ROOT, "  %,d micro-batches seen, scheduling delay p99 so far %,d ms%n",
                        batches.size(), batches.percentile(0.99, batch -> true, ObservedBatches.Batch::schedulingDelayMs));
                nextReport = nextReport.plus(REPORT_EVERY);
            }
            Thread.sleep(SAMPLE_EVERY.toMillis());
        }
        return ready;
    }

    /** Whether the demo's batch layer JVM (`lab batch`, a child of the demo) runs now. */
    private static boolean batchRunGoingOn(Process demo) {
        String batchRun = LabCommand.class.getName() + " batch ";
        return demo.descendants().anyMatch(process -> LabProcesses.commandLine(process).contains(batchRun));
    }

    private static void report(Optional<Duration> ready, ObservedBatches batches, Duration live) {
        System.out.println();
        System.out.println(ready.map(time -> String.format(Locale.ROOT, "Speed layer running %.1f s after the demo "
                + "started (target <= %d s: %.2fx of it).", time.toMillis() / 1000.0, TARGET_READY.toSeconds(),
                (double) time.toMillis() / TARGET_READY.toMillis())).orElse("The speed layer never said it runs."));
        System.out.printf(Locale.ROOT, "%,d micro-batches seen (%,d beside a batch run), %,d events in them, over %s "
                + "of live traffic.%n", batches.size(), batches.count(ObservedBatches.Batch::duringBatchRun),
                batches.events(), live);
        System.out.printf(Locale.ROOT, "%-38s %9s %9s %9s%n", "", "p50", "p99", "max");
        row(batches, "scheduling delay, all batches", batch -> true, ObservedBatches.Batch::schedulingDelayMs);
        row(batches, "scheduling delay, beside a batch run", ObservedBatches.Batch::duringBatchRun,
                ObservedBatches.Batch::schedulingDelayMs);
        row(batches, "processing time, all batches", batch -> true, ObservedBatches.Batch::processingMs);
        row(batches, "processing time, beside a batch run", ObservedBatches.Batch::duringBatchRun,
                ObservedBatches.Batch::processingMs);
        System.out.println("Largest scheduling delay in each minute from the first batch on: " + batches
                .maxPerMinute(ObservedBatches.Batch::schedulingDelayMs).stream()
                .map(ms -> ms < 0 ? "-" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0)).toList());
        long p99 = batches.percentile(0.99, batch -> true, ObservedBatches.Batch::schedulingDelayMs);
        if (p99 >= 0) {
            System.out.printf(Locale.ROOT, "Target: scheduling delay p99 <= %,d ms: %.2fx of it.%n", TARGET_DELAY_MS,
                    (double) p99 / TARGET_DELAY_MS);
        }
    }

    private static void row(ObservedBatches batches, String name, Predicate<ObservedBatches.Batch> which,
                            ToLongFunction<ObservedBatches.Batch> value) {
        if (batches.count(which) == 0) {
            System.out.printf(Locale.ROOT, "%-38s %9s %9s %9s%n", name, "-", "-", "-");
            return;
        }
        System.out.printf(Locale.ROOT, "%-38s %6d ms %6d ms %6d ms%n", name, batches.percentile(0.5, which, value),
                batches.percentile(0.99, which, value), batches.max(which, value));
    }
}
