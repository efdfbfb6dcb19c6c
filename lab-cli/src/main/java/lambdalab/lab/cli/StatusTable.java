package lambdalab.lab.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import lambdalab.lab.supervisor.ServiceState;
import lambdalab.lab.supervisor.ServiceStatus;
import lambdalab.lab.system.LabProcesses;
import lambdalab.lab.system.Resources;

/** The service table of {@code lab up} and {@code lab status}: the services, then the on-demand jobs. */
final class StatusTable {
    private StatusTable() {
    }

    static void print(PrintStream out, List<ServiceStatus> services, List<ServiceStatus> jobs) {
        // as wide as the longest name: a cluster's cassandra-2 is longer than a single lab's names
        int nameWidth = java.util.stream.Stream.concat(services.stream(), jobs.stream())
                .mapToInt(s -> s.name().length()).max().orElse(0);
        String nameColumn = "%-" + Math.max(10, nameWidth) + "s";
        String format = nameColumn + " %-10s %8s  %-18s %-24s %9s %8s %9s%n";
        out.printf(Locale.ROOT, format, "SERVICE", "STATE", "PID", "ADDRESS", "UI", "UPTIME", "RESTARTS", "RSS");
        List<ServiceStatus> rows = new ArrayList<>(services);
        rows.addAll(jobs);
        long totalRss = 0;
        for (ServiceStatus s : rows) {
            OptionalLong rss = s.pid() > 0 ? LabProcesses.residentBytes(s.pid()) : OptionalLong.empty();
            totalRss += rss.orElse(0);
            out.printf(Locale.ROOT, format, s.name(), s.state().name().toLowerCase(Locale.ROOT),
                    s.pid() > 0 ? Long.toString(s.pid()) : "-", s.endpoints().isEmpty() ? "-" : s.endpoints().get(0).address(),
                    s.ui() == null ? "-" : s.ui(), uptime(s.readyAt()), s.restarts(),
                    rss.isPresent() ? Resources.formatBytes(rss.getAsLong()) : "-");
        }
        if (totalRss > 0) {
            out.printf(Locale.ROOT, format, "total", "", "", "", "", "", "",
                    Resources.formatBytes(totalRss));
        }
        // a job that does not run says why, or how to start it
        jobs.stream().filter(j -> j.state() != ServiceState.READY)
                .forEach(j -> out.println(j.name() + ": " + j.detail()));
    }

    static String uptime(Instant since) {
        if (since == null) {
            return "-";
        }
        Duration up = Duration.between(since, Instant.now());
        return up.toHours() > 0 ? String.format(Locale.ROOT, "%dh%02dm", up.toHours(), up.toMinutesPart())
                : String.format(Locale.ROOT, "%dm%02ds", up.toMinutes(), up.toSecondsPart());
    }
}
