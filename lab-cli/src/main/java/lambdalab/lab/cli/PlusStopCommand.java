package lambdalab.lab.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import lambdalab.lab.JobProgress;
import lambdalab.lab.Lab;
import lambdalab.lab.service.LabService;
import lambdalab.lab.supervisor.ServiceState;
import lambdalab.lab.supervisor.ServiceStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop the Lambda+ app server (it answers the requests in flight first) and speed job (it "
                + "finishes its batch first). Waits until both processes are gone. The lab keeps running.")
final class PlusStopCommand implements Callable<Integer> {

    @Mixin
    LabOptions options;

    @Override
    public Integer call() {
        return stop(options.lab(), PlusStartCommand.jobs(options.lab())) ? 0 : 1;
    }

    /** Withdraws the requests for these jobs and waits until each has stopped; false when one did not. */
    static boolean stop(Lab lab, List<LabService> jobs) {
        Optional<ProcessHandle> supervisor = lab.runningSupervisor();
        boolean stopped = true;
        for (LabService job : jobs) {
            ServiceStatus before = PlusStartCommand.status(lab, job);
            lab.wantedJobs().withdraw(job.name());
            if (supervisor.isEmpty() || before.state() == ServiceState.STOPPED) {
                System.out.println("The " + job.name() + " job was not running; nothing changed.");
                continue;
            }
            System.out.println("Stopping the " + job.name() + " job (" + (before.pid() > 0 ? "PID " + before.pid() + ", " : "")
                    + before.state().name().toLowerCase(Locale.ROOT) + ") ...");
            JobProgress progress = new JobProgress(lab, job, System.out);
            if (progress.awaitStopped(before.pid(), supervisor.get())) {
                System.out.printf(Locale.ROOT, "The %s job stopped in %.1f s.%n", job.name(), progress.elapsedSeconds());
            } else {
                stopped = false;
            }
        }
        return stopped;
    }
}
