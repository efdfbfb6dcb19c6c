package lambdalab.lab.cli;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import lambdalab.lab.Lab;
import lambdalab.lab.supervisor.ServiceStatus;
import lambdalab.lab.supervisor.Supervisor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The background supervisor process that {@code lab up} spawns; not meant to be typed. */
@Command(name = "supervise", hidden = true, mixinStandardHelpOptions = true,
        description = "Run the supervisor of a lab instance in this process (what `lab up` starts in the background).")
final class SuperviseCommand implements Callable<Integer> {

    @Mixin
    LabOptions options;

    @Option(names = "--exit-with", paramLabel = "PID", description = "Stop the lab when this process ends.")
    Long exitWithPid;

    @Override
    public Integer call() {
        Supervisor supervisor = supervise(options.lab(), status -> { });
        if (exitWithPid != null) {
            ProcessHandle.of(exitWithPid).ifPresentOrElse(
                    parent -> parent.onExit().thenRun(() -> System.exit(0)), () -> System.exit(0));
        }
        supervisor.awaitStop();
        return 0;
    }

    /** Starts a supervisor for the lab that stops every service when this JVM is asked to end. */
    static Supervisor supervise(Lab lab, Consumer<ServiceStatus> listener) {
        Supervisor supervisor = new Supervisor(lab.settings(), lab.services().all(), listener);
        Runtime.getRuntime().addShutdownHook(new Thread(supervisor::stop, "lab-shutdown"));
        supervisor.start();
        return supervisor;
    }
}
