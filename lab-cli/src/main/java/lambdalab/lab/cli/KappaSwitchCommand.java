package lambdalab.lab.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import lambdalab.course.kappa.KappaVersion;
import lambdalab.course.kappa.SwitchRule;
import lambdalab.course.kappa.VersionOffsets;
import lambdalab.lab.Lab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "switch", mixinStandardHelpOptions = true,
        description = {"Point readers (kappa.view_versions, `./lab query --kappa`) at version N, then stop the old "
                + "version's job; its view stays until `./lab kappa drop`. Refused, with the lag, while N has not "
                + "caught up with the topic (more than --max-lag records behind).",
                "Exit code 0 when readers use N, 1 when refused."})
final class KappaSwitchCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    LabOptions options;

    @Parameters(index = "0", paramLabel = "N", description = "The version to serve, e.g. 2.")
    String version;

    @Option(names = "--max-lag", paramLabel = "RECORDS", defaultValue = "5000",
            description = "How many records behind the topic's end N may be (live traffic keeps arriving; "
                    + "default: ${DEFAULT-VALUE}).")
    long maxLag;

    @Override
    public Integer call() {
        KappaVersion target;
        try {
            target = KappaVersion.parse(version);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (maxLag < 0) {
            throw new ParameterException(spec.commandLine(), "--max-lag must be 0 or more, not " + maxLag + ".");
        }
        Lab lab = options.lab();
        try (KappaControl control = KappaControl.open(lab)) {
            Optional<KappaVersion> current = control.versions().current();
            boolean known = control.versions().get(target).isPresent();
            SwitchRule.Decision decision = SwitchRule.decide(target, known,
                    current, known ? control.offsets(target) : VersionOffsets.NONE, maxLag);
            if (!decision.allowed()) {
                System.err.println("ERROR: not switched: " + decision.reason()
                        + (known ? " (troubleshooting.md#kappa-switch-refused)." : "."));
                return 1;
            }
            if (decision.alreadyCurrent()) {
                System.out.println(decision.reason() + ".");
                return 0;
            }
            control.versions().switchTo(target, current);
            System.out.println("Readers now use " + target + " (" + decision.reason() + ")"
                    + current.map(old -> "; " + old + " is retired, its view kept until `./lab kappa drop "
                    + old.number() + "`").orElse("") + ".");
            // readers now depend on the new version's job: it must run (it may have been stopped while replaying)
            boolean running = lab.runningSupervisor().isEmpty() || !lab.kappaVersions().exists(target)
                    || control.startJob(target, true);
            boolean stopped = current.isEmpty() || !lab.kappaVersions().exists(current.get())
                    || control.stopJob(current.get());
            return running && stopped ? 0 : 1;
        }
    }
}
