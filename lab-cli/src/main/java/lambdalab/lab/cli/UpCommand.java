package lambdalab.lab.cli;

import java.util.OptionalLong;
import java.util.concurrent.Callable;
import lambdalab.lab.Lab;
import lambdalab.lab.supervisor.ServiceState;
import lambdalab.lab.supervisor.Supervisor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Start Kafka, Cassandra, the HDFS NameNode and DataNode on 127.0.0.1 and wait until each "
                + "really answers; then return while a supervisor keeps them running in the background.",
                "On a running lab it only reports the status."})
final class UpCommand implements Callable<Integer> {

    @Mixin
    LabOptions options;

    @Option(names = "--foreground", description = "Keep the supervisor attached (for systemd and similar); "
            + "Ctrl-C or SIGTERM stops the lab.")
    boolean foreground;

    @Override
    public Integer call() {
        Lab lab = options.lab();
        if (lab.runningSupervisor().isPresent()) {
            System.out.println("The lab in " + lab.settings().home() + " is already running; nothing changed.");
            StatusTable.print(System.out, lab.status());
            return 0;
        }
        return foreground ? runForeground(lab) : runBackground(lab);
    }

    private int runBackground(Lab lab) {
        System.out.println("Starting the lab in " + lab.settings().home() + " ...");
        if (!lab.startInBackground(System.out, OptionalLong.empty())) {
            System.out.println("Run `./lab doctor` for a full check.");
            return 1;
        }
        StatusTable.print(System.out, lab.status());
        System.out.println("Stop it with `./lab down`; see it with `./lab status`.");
        return 0;
    }

    private int runForeground(Lab lab) {
        lab.clearStaleProcesses(System.out);
        Supervisor supervisor = SuperviseCommand.supervise(lab, status -> {
            System.out.println(status.name() + ": " + status.state().name().toLowerCase()
                    + (status.state() == ServiceState.READY || status.state() == ServiceState.FAILED
                    ? " (" + status.detail() + ")" : ""));
            if (status.fix() != null) {
                System.out.println("  cause: " + status.fix());
            }
        });
        supervisor.awaitStop();
        return 0;
    }
}
