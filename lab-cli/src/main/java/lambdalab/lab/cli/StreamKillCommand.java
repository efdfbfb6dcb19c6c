package lambdalab.lab.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import lambdalab.lab.Lab;
import lambdalab.lab.supervisor.ServiceStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "kill", mixinStandardHelpOptions = true,
        description = "A drill: kill the speed-layer job with SIGKILL, as a crash would (no graceful stop, no last "
                + "batch). The supervisor starts it again and it recovers from its checkpoint; `./lab stream start` "
                + "waits until it runs again. Exit code 1 when no job was running.")
final class StreamKillCommand implements Callable<Integer> {

    @Mixin
    LabOptions options;

    @Override
    public Integer call() throws InterruptedException {
        Lab lab = options.lab();
        ServiceStatus job = StreamStatusCommand.jobStatus(lab);
        Optional<ProcessHandle> process = job.pid() > 0 ? ProcessHandle.of(job.pid()) : Optional.empty();
        if (lab.runningSupervisor().isEmpty() || process.isEmpty()) {
            System.out.println("The stream job is not running: nothing to kill (`./lab stream start` starts it).");
            return 1;
        }
        process.get().destroyForcibly();
        try {
            process.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            System.out.println("Sent SIGKILL to the stream job (PID " + job.pid() + "), but it has not ended after 30 s.");
            return 1;
        }
        System.out.println("Killed the stream job (PID " + job.pid() + ") with SIGKILL. The supervisor starts it again; "
                + "it recovers from its checkpoint.");
        return 0;
    }
}
