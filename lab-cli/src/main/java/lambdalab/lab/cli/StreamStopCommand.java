package lambdalab.lab.cli;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import lambdalab.lab.JobProgress;
import lambdalab.lab.Lab;
import lambdalab.lab.service.StreamJobService;
import lambdalab.lab.supervisor.ServiceState;
import lambdalab.lab.supervisor.ServiceStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop the speed-layer job: it finishes its current micro-batch and ends (killed after "
                + "stream.stop.timeout.seconds). Waits until its process is gone and prints how long that took. "
                + "The lab keeps running.")
final class StreamStopCommand implements Callable<Integer> {

    @Mixin
    LabOptions options;

    @Override
    public Integer call() {
        Lab lab = options.lab();
        Optional<ProcessHandle> supervisor = lab.runningSupervisor();
        ServiceStatus before = StreamStatusCommand.jobStatus(lab);
        lab.wantedJobs().withdraw(StreamJobService.NAME);
        if (supervisor.isEmpty()) {
            System.out.println(before.pid() > 0
                    ? "The stream job (PID " + before.pid() + ") was left running by a supervisor that died: "
                            + "`./lab down` stops it."
                    : "The lab is not running, so neither is the stream job; nothing changed.");
            return before.pid() > 0 ? 1 : 0;
        }
        if (before.state() == ServiceState.STOPPED) {
            System.out.println("The stream job was not running; nothing changed.");
            return 0;
        }
        System.out.println("Stopping the stream job (" + (before.pid() > 0 ? "PID " + before.pid() + ", " : "")
                + before.state().name().toLowerCase(Locale.ROOT) + "); it finishes its micro-batch first "
                + "(killed after " + lab.streamJob().stopTimeout().toSeconds() + " s) ...");
        JobProgress progress = new JobProgress(lab, lab.streamJob(), System.out);
        if (!progress.awaitStopped(before.pid(), supervisor.get())) {
            return 1;
        }
        System.out.printf(Locale.ROOT, "The stream job stopped in %.1f s.%n", progress.elapsedSeconds());
        return 0;
    }
}
