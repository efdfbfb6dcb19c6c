package lambdalab.lab.cli;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import lambdalab.course.kappa.KappaCheckpoint;
import lambdalab.course.kappa.KappaVersion;
import lambdalab.course.kappa.VersionLag;
import lambdalab.course.kappa.ViewVersions;
import lambdalab.lab.Lab;
import lambdalab.lab.supervisor.ServiceStatus;
import lambdalab.lab.supervisor.StateFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show every Kappa version: whether readers use it (the serving pointer), its state and change, "
                + "whether its job runs, its lag (records of the topic its view does not hold yet, per partition: the "
                + "topic's end minus what its last committed micro-batch read), the events it counted as late "
                + "(their hour closed by the watermark) and its watermark.",
                "Reads Cassandra, Kafka and the versions' checkpoints; works whether the jobs run or not."})
final class KappaStatusCommand implements Callable<Integer> {

    @Mixin
    LabOptions options;

    @Option(names = "--json", description = "Print the status as JSON (for scripts).")
    boolean json;

    @Override
    public Integer call() {
        Lab lab = options.lab();
        try (KappaControl control = KappaControl.open(lab)) {
            Optional<KappaVersion> current = control.versions().current();
            List<ViewVersions.Entry> entries = control.versions().all();
            if (entries.isEmpty()) {
                System.out.println(json ? "{\"versions\": []}" : "No Kappa version yet: `./lab kappa start` computes version 1.");
                return 0;
            }
            List<Map<String, Object>> rows = entries.stream().map(entry -> describe(lab, control, entry, current)).toList();
            if (json) {
                Map<String, Object> root = new LinkedHashMap<>();
                root.put("current", current.map(KappaVersion::number).orElse(null));
                root.put("versions", rows);
                System.out.println(StateFile.toJson(root));
            } else {
                System.out.println("Serving pointer (kappa.view_versions): " + current.map(KappaVersion::toString).orElse("none"));
                rows.forEach(KappaStatusCommand::print);
            }
            return 0;
        }
    }

    private static Map<String, Object> describe(Lab lab, KappaControl control, ViewVersions.Entry entry,
                                                Optional<KappaVersion> current) {
        KappaVersion version = entry.version();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("version", version.number());
        row.put("current", current.isPresent() && current.get().equals(version));
        row.put("state", entry.state());
        row.put("change", entry.change().wireName());
        row.put("started", String.valueOf(entry.started()));
        row.put("switched", entry.switched() == null ? null : entry.switched().toString());
        boolean hasFolder = lab.kappaVersions().exists(version);
        ServiceStatus job = hasFolder ? control.jobStatus(version) : null;
        row.put("job", job == null ? "no folder (its checkpoint is gone)" : job.state().name().toLowerCase(Locale.ROOT));
        row.put("pid", job == null ? 0 : job.pid());
        VersionLag lag = control.lag(version);
        row.put("lag", lag.total());
        row.put("lagPerPartition", lag.perPartition());
        row.put("lateEvents", control.versions().lateEvents(version));
        Optional<KappaCheckpoint> checkpoint = hasFolder ? KappaCheckpoint.read(lab.kappaVersions().checkpoint(version))
                : Optional.empty();
        row.put("committedBatch", checkpoint.map(KappaCheckpoint::batchId).orElse(null));
        row.put("watermark", checkpoint.map(c -> Instant.ofEpochMilli(c.watermarkMs()).toString()).orElse(null));
        row.put("describedLag", lag.describe());
        return row;
    }

    private static void print(Map<String, Object> row) {
        System.out.println();
        System.out.println("v" + row.get("version") + (Boolean.TRUE.equals(row.get("current")) ? " (current)" : "")
                + ": " + row.get("state") + ", change " + row.get("change") + ", started " + row.get("started")
                + (row.get("switched") == null ? "" : ", switched " + row.get("switched")));
        long pid = ((Number) row.get("pid")).longValue();
        System.out.println("  job:         " + row.get("job") + (pid > 0 ? ", PID " + pid : ""));
        System.out.println("  lag:         " + row.get("describedLag") + (((Number) row.get("lag")).longValue() == 0
                ? ": caught up" : ""));
        System.out.println("  late events: " + String.format(Locale.ROOT, "%,d", ((Number) row.get("lateEvents")).longValue())
                + " (counted, not in the view: their hour was closed by the watermark)");
        System.out.println("  checkpoint:  " + (row.get("committedBatch") == null ? "no batch committed yet"
                : "batch " + row.get("committedBatch") + " committed, watermark " + row.get("watermark")));
    }
}
