package lambdalab.lab.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import lambdalab.course.kappa.KappaSchema;
import lambdalab.course.kappa.KappaVersion;
import lambdalab.lab.Lab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "drop", mixinStandardHelpOptions = true,
        description = {"Remove a Kappa version that readers do not use: its job is stopped, its tables, late-event "
                + "rows and view_versions row are deleted, and its checkpoint. The current version is refused "
                + "(switch readers away first)."})
final class KappaDropCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    LabOptions options;

    @Parameters(index = "0", paramLabel = "N", description = "The version to remove, e.g. 1.")
    String version;

    @Override
    public Integer call() {
        KappaVersion target;
        try {
            target = KappaVersion.parse(version);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Lab lab = options.lab();
        try (KappaControl control = KappaControl.open(lab)) {
            Optional<KappaVersion> current = control.versions().current();
            if (current.isPresent() && current.get().equals(target)) {
                System.err.println("ERROR: " + target + " is the current version, readers use it; `./lab kappa switch` "
                        + "readers to another version first (troubleshooting.md#kappa-refused).");
                return 1;
            }
            boolean known = control.versions().get(target).isPresent();
            boolean hasFolder = lab.kappaVersions().exists(target);
            if (!known && !hasFolder) {
                System.err.println("ERROR: there is no Kappa version " + target.number() + "; `./lab kappa status` lists them.");
                return 1;
            }
            if (hasFolder && !control.stopJob(target)) {
                return 1;
            }
            KappaSchema.dropVersion(control.session(), target);
            lab.kappaVersions().delete(target);
            System.out.println("Dropped Kappa " + target + ": its tables, late-event rows, view_versions row and checkpoint.");
            return 0;
        }
    }
}
