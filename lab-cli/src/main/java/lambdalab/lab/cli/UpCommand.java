package lambdalab.lab.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import lambdalab.lab.Lab;
import lambdalab.lab.system.LabProcesses;
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

    @Option(names = "--foreground", description = "Keep the supervisor attached and print its state changes "
            + "(for systemd and similar); Ctrl-C or SIGTERM stops the lab. Exits non-zero if a service fails.")
    boolean foreground;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Lab lab = options.lab();
        if (lab.runningSupervisor().isPresent()) {
            System.out.println("The lab in " + lab.settings().home() + " is already running; nothing changed.");
            StatusTable.print(System.out, lab.status(), lab.jobStatus());
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
        StatusTable.print(System.out, lab.status(), lab.jobStatus());
        System.out.println("Stop it with `./lab down`; see it with `./lab status`.");
        return 0;
    }

    /**
     * Runs the same supervisor process as the background mode, attached to this terminal; stopping
     * this process (SIGTERM, Ctrl-C) stops the supervisor, which stops every service.
     */
    private int runForeground(Lab lab) throws IOException, InterruptedException {
        lab.clearStaleProcesses(System.out);
        if (!lab.passesPreflight(System.out)) {
            return 1;
        }
        List<String> command = new ArrayList<>(lab.supervisorCommand());
        command.add("--verbose");
        Process supervisor = new ProcessBuilder(command).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
                LabProcesses.stop(supervisor.toHandle(), Duration.ofMinutes(2)), "stop-supervisor"));
        return supervisor.waitFor();
    }
}
