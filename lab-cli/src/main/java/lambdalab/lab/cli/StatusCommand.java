package lambdalab.lab.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import lambdalab.lab.Lab;
import lambdalab.lab.supervisor.ServiceState;
import lambdalab.lab.supervisor.ServiceStatus;
import lambdalab.lab.supervisor.StateFile;
import lambdalab.lab.system.LabProcesses;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show each service and the on-demand jobs (the speed layer of `lab stream`, Lambda+'s app "
                + "server and speed job of `lab plus`): state, PID, address, UI, uptime, restarts, resident memory. "
                + "Exit code 0 when every service is ready (the jobs are optional and do not count), 3 otherwise.")
final class StatusCommand implements Callable<Integer> {

    @Mixin
    LabOptions options;

    @Option(names = "--json", description = "Print the status as JSON (for scripts).")
    boolean json;

    @Override
    public Integer call() {
        Lab lab = options.lab();
        List<ServiceStatus> services = lab.status();
        List<ServiceStatus> jobs = lab.jobStatus();
        if (json) {
            System.out.println(StateFile.toJson(asJson(lab, services, jobs)));
        } else {
            System.out.println("Lab home: " + lab.settings().home() + " (supervisor "
                    + lab.runningSupervisor().map(p -> "PID " + p.pid()).orElse("not running") + ")");
            StatusTable.print(System.out, services, jobs);
        }
        boolean allReady = services.stream().allMatch(s -> s.state() == ServiceState.READY);
        return allReady ? 0 : 3;
    }

    private static Map<String, Object> asJson(Lab lab, List<ServiceStatus> services, List<ServiceStatus> jobs) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("home", lab.settings().home().toString());
        root.put("supervisorPid", lab.runningSupervisor().map(ProcessHandle::pid).orElse(null));
        root.put("services", services.stream().map(StatusCommand::serviceJson).toList());
        root.put("jobs", jobs.stream().map(StatusCommand::serviceJson).toList());
        return root;
    }

    static Map<String, Object> serviceJson(ServiceStatus s) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("name", s.name());
        node.put("state", s.state());
        node.put("pid", s.pid() > 0 ? s.pid() : null);
        node.put("ports", s.endpoints());
        node.put("ui", s.ui());
        node.put("uptimeSeconds", s.readyAt() == null ? null : Duration.between(s.readyAt(), Instant.now()).toSeconds());
        node.put("restarts", s.restarts());
        node.put("rssBytes", s.pid() > 0 ? LabProcesses.residentBytes(s.pid()).stream().boxed().findFirst().orElse(null) : null);
        node.put("detail", s.detail());
        node.put("log", s.log());
        return node;
    }
}
