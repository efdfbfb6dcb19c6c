package lambdalab.lab.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import lambdalab.lab.Lab;
import lambdalab.lab.supervisor.ServiceStatus;
import lambdalab.lab.supervisor.Supervisor;
import lambdalab.lab.system.Pause;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The supervisor process that `lab up` starts (in the background, or attached with --foreground). */
@Command(name = "supervise", hidden = true, mixinStandardHelpOptions = true,
        description = "Run the supervisor of a lab instance in this process (what `lab up` starts).")
final class SuperviseCommand implements Callable<Integer> {

    @Mixin
    LabOptions options;

    @Option(names = "--exit-with", paramLabel = "PID", description = "Stop the lab when this process ends.")
    Long exitWithPid;

    @Option(names = "--verbose", description = "Print every state change, and the status table once all are ready; "
            + "stop the lab and exit 1 if a service fails.")
    boolean verbose;

    @Override
    public Integer call() {
        Lab lab = options.lab();
        Supervisor supervisor = new Supervisor(lab.settings(), lab.services().all(), lab::jobs,
                verbose ? SuperviseCommand::print : status -> { });
        Runtime.getRuntime().addShutdownHook(new Thread(supervisor::stop, "lab-shutdown"));
        supervisor.start();
        archiveOwnClassesOnceReady(lab, supervisor);
        if (exitWithPid != null) {
            ProcessHandle.of(exitWithPid).ifPresentOrElse(
                    parent -> parent.onExit().thenRun(() -> System.exit(0)), () -> System.exit(0));
        }
        if (verbose && !awaitAllReady(supervisor)) {
            supervisor.stop(); // a service manager sees the failure and can restart the whole lab
            return 1;
        }
        if (verbose) {
            StatusTable.print(System.out, lab.status(), lab.jobStatus());
        }
        supervisor.awaitStop();
        return 0;
    }

    /** Its class archive holds the classes of the readiness checks too: it is written once they all passed. */
    private static void archiveOwnClassesOnceReady(Lab lab, Supervisor supervisor) {
        Thread archive = new Thread(() -> {
            if (awaitAllReady(supervisor)) {
                lab.archiveSupervisorClassesLater();
            }
        }, "supervisor-class-archive");
        archive.setDaemon(true);
        archive.start();
    }

    private static boolean awaitAllReady(Supervisor supervisor) {
        while (!supervisor.state().allReady()) {
            if (!supervisor.state().failed().isEmpty()) {
                return false;
            }
            Pause.of(Duration.ofMillis(200));
        }
        return true;
    }

    private static void print(ServiceStatus status) {
        System.out.println(status.name() + ": " + status.state().name().toLowerCase(Locale.ROOT)
                + " (" + status.detail() + ")" + (status.fix() == null ? "" : "\n  cause: " + status.fix()));
    }
}
