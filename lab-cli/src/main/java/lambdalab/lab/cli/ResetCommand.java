package lambdalab.lab.cli;

import java.io.Console;
import java.util.concurrent.Callable;
import lambdalab.lab.Lab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Stop the lab if it runs, then delete all its data (topics, tables, HDFS files), logs and "
                + "rendered configs. $LAB_HOME/lab.properties is kept.",
                "Asks first on a terminal; without a terminal it needs --yes."})
final class ResetCommand implements Callable<Integer> {

    @Mixin
    LabOptions options;

    @Option(names = {"-y", "--yes"}, description = "Do not ask.")
    boolean yes;

    @Override
    public Integer call() {
        Lab lab = options.lab();
        if (!yes && !confirmed(lab)) {
            return 1;
        }
        if (lab.runningSupervisor().isPresent()) {
            lab.stop(System.out);
        } else {
            lab.clearStaleProcesses(System.out);
        }
        lab.wipe();
        System.out.println("Wiped the lab's data in " + lab.settings().home() + ". `./lab up` starts it fresh.");
        return 0;
    }

    private static boolean confirmed(Lab lab) {
        Console console = System.console();
        if (console == null) {
            System.err.println("ERROR: `lab reset` deletes every topic, table and HDFS file of "
                    + lab.settings().home() + "; without a terminal, confirm with --yes.");
            return false;
        }
        String answer = console.readLine("Delete all data of the lab in %s? [y/N] ", lab.settings().home());
        boolean yes = answer != null && answer.trim().equalsIgnoreCase("y");
        if (!yes) {
            System.out.println("Nothing deleted.");
        }
        return yes;
    }
}
