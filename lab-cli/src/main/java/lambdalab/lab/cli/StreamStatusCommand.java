package lambdalab.lab.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import lambdalab.lab.Lab;
import lambdalab.lab.service.ServiceException;
import lambdalab.lab.service.StreamJobService;
import lambdalab.lab.service.StreamJobStatus;
import lambdalab.lab.supervisor.ServiceState;
import lambdalab.lab.supervisor.ServiceStatus;
import lambdalab.lab.supervisor.StateFile;
import lambdalab.lab.system.LabProcesses;
import lambdalab.lab.system.Resources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the speed-layer job: what the supervisor knows (state, PID, uptime, restarts, resident "
                + "memory) and what the job last reported in $LAB_HOME/run/stream-status.json (state, where its "
                + "state was recovered from, batches, the last batch's events, processing time and scheduling "
                + "delay, events/s over the last batch interval, totals, Kafka offsets per partition).",
                "Exit code 0 when the job is ready, 3 otherwise."})
final class StreamStatusCommand implements Callable<Integer> {

    @Mixin
    LabOptions options;

    @Option(names = "--json", description = "Print the status as JSON (for scripts).")
    boolean json;

    @Override
    public Integer call() {
        Lab lab = options.lab();
        ServiceStatus job = jobStatus(lab);
        Optional<StreamJobStatus> report = Optional.empty();
        String reportError = null;
        try {
            report = lab.streamJob().statusFile().read();
        } catch (ServiceException e) {
            reportError = e.getMessage();
        }
        if (json) {
            System.out.println(StateFile.toJson(asJson(job, report, reportError)));
        } else {
            printJob(System.out, job);
            printReport(System.out, lab, job, report, reportError);
        }
        return job.state() == ServiceState.READY ? 0 : 3;
    }

    static ServiceStatus jobStatus(Lab lab) {
        return lab.jobStatus().stream().filter(s -> s.name().equals(StreamJobService.NAME)).findFirst().orElseThrow();
    }

    private static void printJob(PrintStream out, ServiceStatus job) {
        OptionalLong rss = job.pid() > 0 ? LabProcesses.residentBytes(job.pid()) : OptionalLong.empty();
        out.println("stream job: " + job.state().name().toLowerCase(Locale.ROOT)
                + (job.pid() > 0 ? ", PID " + job.pid() : "")
                + (job.readyAt() != null ? ", up " + StatusTable.uptime(job.readyAt()) : "")
                + ", " + job.restarts() + " restart(s)"
                + (rss.isPresent() ? ", " + Resources.formatBytes(rss.getAsLong()) + " resident" : ""));
        out.println("  supervisor: " + job.detail());
        if (job.fix() != null) {
            out.println("  cause:      " + job.fix());
        }
        out.println("  log:        " + job.log());
    }

    private static void printReport(PrintStream out, Lab lab, ServiceStatus job, Optional<StreamJobStatus> report,
                                    String reportError) {
        String file = lab.streamJob().statusFile().path().toString();
        if (reportError != null) {
            out.println("job report: " + reportError);
            return;
        }
        if (report.isEmpty()) {
            out.println("job report: none yet (" + file + ")");
            return;
        }
        StreamJobStatus r = report.get();
        boolean current = job.pid() > 0 && r.pid() == job.pid();
        out.println("job report" + (current ? "" : " of the last run (PID " + r.pid() + ")") + ", updated "
                + ago(r.updatedAt()) + " (" + file + "):");
        row(out, "state", r.state() + ", recovered from " + r.recoveredFrom() + ", started " + r.startedAt());
        if (r.drill() != null) {
            row(out, "drill", r.drill());
        }
        row(out, "batches", r.batches() + " (one every " + r.batchIntervalMs() + " ms)");
        row(out, "last batch", lastBatch(r));
        row(out, "totals", r.totalEvents() + " events, " + r.totalInvalid() + " invalid");
        row(out, "offsets", r.offsets().isEmpty() ? "-" : r.offsets().entrySet().stream()
                .map(e -> "partition " + e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ")));
    }

    static String lastBatch(StreamJobStatus r) {
        StreamJobStatus.LastBatch b = r.lastBatch();
        if (b == null) {
            return "none yet";
        }
        return String.format(Locale.ROOT, "%s: %d events (%d invalid), processing %d ms, scheduling delay %d ms, %.1f events/s",
                b.time(), b.events(), b.invalid(), b.processingMs(), b.schedulingDelayMs(),
                r.eventsPerSecond().orElse(0));
    }

    private static void row(PrintStream out, String label, String value) {
        out.printf(Locale.ROOT, "  %-11s %s%n", label, value);
    }

    private static String ago(Instant at) {
        if (at == null) {
            return "at an unknown time";
        }
        long seconds = Math.max(0, Duration.between(at, Instant.now()).toSeconds());
        return seconds + " s ago";
    }

    private static Map<String, Object> asJson(ServiceStatus job, Optional<StreamJobStatus> report, String reportError) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("job", StatusCommand.serviceJson(job));
        root.put("report", report.orElse(null));
        root.put("reportError", reportError);
        root.put("eventsPerSecond", report.flatMap(r -> r.eventsPerSecond().isPresent()
                ? Optional.of(r.eventsPerSecond().getAsDouble()) : Optional.empty()).orElse(null));
        return root;
    }
}
