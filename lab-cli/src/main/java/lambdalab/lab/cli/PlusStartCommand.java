package lambdalab.lab.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import lambdalab.lab.JobProgress;
import lambdalab.lab.Lab;
import lambdalab.lab.service.LabService;
import lambdalab.lab.supervisor.ServiceState;
import lambdalab.lab.supervisor.ServiceStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "start", mixinStandardHelpOptions = true,
        description = {"Ask the lab's supervisor to run the Lambda+ app server (plus-app) and speed job (plus-speed), "
                + "and wait until both are ready or the supervisor gives up on one (the cause and the log are printed). "
                + "Exit code 0 when both run, 1 otherwise.",
                "The lab must be running (`./lab up`). Jobs that run already are left as they are."})
final class PlusStartCommand implements Callable<Integer> {

    @Mixin
    LabOptions options;

    @Override
    public Integer call() {
        Lab lab = options.lab();
        Optional<ProcessHandle> supervisor = lab.runningSupervisor();
        if (supervisor.isEmpty()) {
            System.err.println("ERROR: the lab is not running: start it with ./lab up");
            return 1;
        }
        StreamStartCommand.warnAboutServicesNotReady(lab, "Lambda+");
        Map<LabService, String> requests = new LinkedHashMap<>();
        for (LabService job : jobs(lab)) {
            if (status(lab, job).state() == ServiceState.READY) {
                System.out.println("The " + job.name() + " job already runs; left as it is.");
            } else {
                requests.put(job, lab.wantedJobs().request(job.name()));
                System.out.println("Starting the " + job.name() + " job (log: " + job.logFile() + ") ...");
            }
        }
        boolean ready = true;
        for (Map.Entry<LabService, String> request : requests.entrySet()) {
            ready &= new JobProgress(lab, request.getKey(), System.out).awaitReady(request.getValue(), supervisor.get());
        }
        if (ready) {
            System.out.println("Lambda+ runs. Dashboard: " + lab.plusApp().address() + "/ ; post readings with "
                    + "`./lab plus sensors`; see it with `./lab plus status`; stop it with `./lab plus stop`.");
        }
        return ready ? 0 : 1;
    }

    static List<LabService> jobs(Lab lab) {
        return List.of(lab.plusApp(), lab.plusSpeed());
    }

    static ServiceStatus status(Lab lab, LabService job) {
        return lab.jobStatus().stream().filter(s -> s.name().equals(job.name())).findFirst().orElseThrow();
    }
}
