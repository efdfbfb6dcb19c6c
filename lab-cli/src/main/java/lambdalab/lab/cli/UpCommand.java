package lambdalab.lab.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import lambdalab.lab.Lab;
import lambdalab.lab.settings.LabSettings;
import lambdalab.lab.settings.Profile;
import lambdalab.lab.settings.SettingsFile;
import lambdalab.lab.system.LabProcesses;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Start Kafka, Cassandra, the HDFS NameNode and DataNode on 127.0.0.1 and wait until each "
                + "really answers; then return while a supervisor keeps them running in the background.",
                "With --profile cluster: 3 Kafka brokers, 3 Cassandra nodes (127.0.0.1-3), a NameNode and 3 DataNodes, "
                        + "replication 3, and a Spark standalone master with 2 workers that the speed layer and `lab batch` "
                        + "are submitted to (README \"Cluster profile\").",
                "On a running lab it only reports the status."})
final class UpCommand implements Callable<Integer> {

    @Mixin
    LabOptions options;

    @Option(names = "--foreground", description = "Keep the supervisor attached and print its state changes "
            + "(for systemd and similar); Ctrl-C or SIGTERM stops the lab. Exits non-zero if a service fails.")
    boolean foreground;

    @Option(names = "--profile", paramLabel = "NAME", description = "single (one node of each service) or cluster; "
            + "written to $LAB_HOME/lab.properties (setting profile), so every later command of this lab uses it. "
            + "Default: the profile setting (single).")
    String profile;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (profile != null && !keepProfile(Profile.parse(profile))) {
            return 1;
        }
        Lab lab = options.lab();
        if (lab.runningSupervisor().isPresent()) {
            System.out.println("The lab in " + lab.settings().home() + " is already running; nothing changed.");
            StatusTable.print(System.out, lab.status(), lab.jobStatus());
            return 0;
        }
        return foreground ? runForeground(lab) : runBackground(lab);
    }

    /**
     * Makes {@code wanted} this home's profile (in its settings file), unless the lab runs with
     * another one or the environment or a --set overrides the file.
     */
    private boolean keepProfile(Profile wanted) {
        Lab lab = options.lab();
        Profile current = lab.settings().profile();
        if (current == wanted) {
            return true;
        }
        if (lab.runningSupervisor().isPresent()) {
            System.out.println("The lab in " + lab.settings().home() + " runs with the " + current.settingValue()
                    + " profile; stop it with `./lab down` before starting it as " + wanted.settingValue() + ".");
            return false;
        }
        SettingsFile.set(lab.settings().home(), "profile", wanted.settingValue());
        Profile now = options.settings().profile();
        if (now != wanted) {
            System.out.println("The profile setting stays " + now.settingValue() + ": " + LabSettings.environmentVariable(
                    "profile") + " or --set profile=... overrides $LAB_HOME/lab.properties.");
            return false;
        }
        System.out.println("Profile " + wanted.settingValue() + " kept in " + lab.settings().home().resolve("lab.properties"));
        return true;
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
