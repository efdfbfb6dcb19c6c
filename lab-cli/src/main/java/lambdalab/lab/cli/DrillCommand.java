package lambdalab.lab.cli;

import java.util.concurrent.Callable;
import lambdalab.lab.drill.SoakDrill;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** `lab drill`: failure drills on a running lab, each ending with the views checked against the truth. */
@Command(name = "drill", mixinStandardHelpOptions = true, description = "Failure drills that print what was done and "
        + "what the views held against the truth.", subcommands = {DrillCommand.Soak.class, DrillCommands.StreamKill.class,
        DrillCommands.ServiceRestart.class, DrillCommands.BadInput.class, DrillCommands.LostMessages.class,
        DrillCommands.Upgrade.class, DrillCommands.NodeLoss.class, DrillCommands.All.class})
final class DrillCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "soak", mixinStandardHelpOptions = true,
            description = {"The live pipeline for --duration on the lab (started if needed): the generator at --rate "
                    + "into the speed layer's topic (event time in hours no view holds yet), the speed layer (started if "
                    + "it does not run, stopped after), a batch run every --batch-every; the DataNode is restarted a third "
                    + "of the way in and Cassandra at two thirds. Then the generator stops, the speed layer catches up, a "
                    + "last batch run covers everything, and the serving layer must answer exactly the truth of every "
                    + "event generated, with one raw row per event. Prints a table of the steps; exit code 1 when "
                    + "anything differs. It restarts the lab's services: not while you work with the lab."})
    static final class Soak implements Callable<Integer> {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        LabOptions options;

        @Option(names = "--duration", defaultValue = "30m", paramLabel = "DURATION",
                description = "How long the generator runs (default: ${DEFAULT-VALUE}).")
        String duration;

        @Option(names = "--rate", defaultValue = "2000", description = "Events per second (default: ${DEFAULT-VALUE}).")
        int rate;

        @Option(names = "--batch-every", defaultValue = "2m", paramLabel = "DURATION",
                description = "Time between batch runs (default: ${DEFAULT-VALUE}).")
        String batchEvery;

        @Option(names = "--catch-up", defaultValue = "5m", paramLabel = "DURATION",
                description = "How long the speed layer may take to commit every event at the end (default: ${DEFAULT-VALUE}).")
        String catchUp;

        @Override
        public Integer call() throws InterruptedException {
            if (rate < 1) {
                throw new ParameterException(spec.commandLine(), "--rate must be at least 1, got " + rate);
            }
            SoakDrill.Plan plan = new SoakDrill.Plan(DurationOption.parse(spec, "--duration", duration), rate,
                    DurationOption.parse(spec, "--batch-every", batchEvery), DurationOption.parse(spec, "--catch-up", catchUp));
            return DrillCommands.run(options, "soak", (lab, command) -> new SoakDrill(lab, plan, System.out, command));
        }
    }
}
