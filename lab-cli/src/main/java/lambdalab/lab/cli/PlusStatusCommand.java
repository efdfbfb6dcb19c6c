package lambdalab.lab.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import lambdalab.lab.Lab;
import lambdalab.lab.service.LabService;
import lambdalab.lab.service.ServiceException;
import lambdalab.lab.service.StreamJobStatus;
import lambdalab.lab.supervisor.ServiceState;
import lambdalab.lab.supervisor.ServiceStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the Lambda+ jobs: what the supervisor knows of the app server (plus-app) and the speed job "
                + "(plus-speed), the app server's counters (GET /api/stats: readings accepted and rejected, write "
                + "failures, drills) and the speed job's last report (batches, readings, late readings left to the "
                + "batch, Kafka offsets).",
                "Exit code 0 when both run, 3 otherwise."})
final class PlusStatusCommand implements Callable<Integer> {

    @Mixin
    LabOptions options;

    @Override
    public Integer call() {
        Lab lab = options.lab();
        boolean ready = true;
        for (LabService job : PlusStartCommand.jobs(lab)) {
            ServiceStatus status = PlusStartCommand.status(lab, job);
            ready &= status.state() == ServiceState.READY;
            System.out.println(job.name() + ": " + status.state().name().toLowerCase(Locale.ROOT)
                    + (status.pid() > 0 ? ", PID " + status.pid() : "") + ", " + status.restarts() + " restart(s); "
                    + status.detail());
            System.out.println("  log: " + status.log());
        }
        System.out.println("app server " + lab.plusApp().address() + " (dashboard at /): " + appStats(lab.plusApp().address()));
        System.out.println("speed job: " + speedReport(lab));
        return ready ? 0 : 3;
    }

    private static String appStats(URI address) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            HttpResponse<String> stats = http.send(HttpRequest.newBuilder(address.resolve("/api/stats"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return stats.statusCode() == 200 ? stats.body().strip() : "HTTP " + stats.statusCode();
        } catch (IOException e) {
            return "no answer (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String speedReport(Lab lab) {
        Optional<StreamJobStatus> report;
        try {
            report = lab.plusSpeed().statusFile().read();
        } catch (ServiceException e) {
            return e.getMessage();
        }
        if (report.isEmpty()) {
            return "no report yet (" + lab.plusSpeed().statusFile().path() + ")";
        }
        StreamJobStatus r = report.get();
        return r.state() + " (state from " + r.recoveredFrom() + "), " + r.batches() + " batches, "
                + r.totalEvents() + " readings, " + r.totals().getOrDefault("lateReadings", 0L)
                + " late (left to the batch), " + r.totalInvalid() + " invalid; last batch "
                + StreamStatusCommand.lastBatch(r) + "; offsets " + r.offsets().entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(", "));
    }
}
