package lambdalab.lab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lab kappa}: the Kappa architecture (module 10), its job run by the lab's supervisor per view version. */
@Command(name = "kappa", mixinStandardHelpOptions = true,
        description = {"Kappa (module 10): ONE Spark Structured Streaming job for live processing and reprocessing. "
                + "Version N of the job reads the clickstream topic (setting stream.topic) from its earliest offset "
                + "into its own view, kappa.activity_by_product_vN / kappa.visitors_by_product_vN; readers use the "
                + "version kappa.view_versions points at (`./lab query --kappa`).",
                "Reprocessing: `replay --version 2 --change bot-filter` computes version 2 beside the current one; "
                        + "`status` shows each version's lag; `switch 2` points readers at it once it has caught up "
                        + "and stops the old job; `drop 1` removes the old view. Settings: kappa.* (`./lab settings`)."},
        subcommands = {KappaStartCommand.class, KappaReplayCommand.class, KappaStatusCommand.class,
                KappaSwitchCommand.class, KappaDropCommand.class, KappaStopCommand.class, KappaResetCommand.class})
final class KappaCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
