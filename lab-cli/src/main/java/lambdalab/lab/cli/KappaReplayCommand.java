package lambdalab.lab.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import lambdalab.course.kappa.KappaChange;
import lambdalab.course.kappa.KappaVersion;
import lambdalab.course.kappa.ViewVersions;
import lambdalab.lab.Lab;
import lambdalab.lab.service.KappaVersions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

// no standard help mixin: its -V/--version would take the --version this command needs
@Command(name = "replay",
        description = {"Reprocess: run version N of the Kappa job from the topic's earliest offset into its own view "
                + "(kappa.activity_by_product_vN, kappa.visitors_by_product_vN) while the current version keeps "
                + "serving. A version that exists already resumes from its checkpoint (its change stays as it was).",
                "Follow it with `./lab kappa status` (its lag); point readers at it with `./lab kappa switch N`."})
final class KappaReplayCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    LabOptions options;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--version", required = true, paramLabel = "N", description = "The version to compute, e.g. 2.")
    String version;

    @Option(names = "--change", paramLabel = "NAME", description = "What this version computes differently. "
            + "Known: none (the default: every valid event counts), bot-filter (drops the events of crawler visitors: "
            + "Visitor-N with N a multiple of 100).")
    String change;

    @Option(names = "--no-wait", description = "Return once the request is made; follow it with `./lab kappa status`.")
    boolean noWait;

    @Override
    public Integer call() {
        KappaVersion target;
        KappaChange wanted;
        try {
            target = KappaVersion.parse(version);
            wanted = change == null ? null : KappaChange.byName(change);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Lab lab = options.lab();
        if (!KappaControl.labRuns(lab)) {
            return 1;
        }
        try (KappaControl control = KappaControl.open(lab)) {
            ViewVersions versions = control.versions();
            Optional<KappaVersion> current = versions.current();
            if (current.isEmpty()) {
                System.err.println("ERROR: there is no Kappa view yet: `./lab kappa start` computes version 1 first.");
                return 1;
            }
            if (current.get().equals(target)) {
                System.err.println("ERROR: " + target + " is the current version, it serves the readers; replay into "
                        + "a new version, e.g. `./lab kappa replay --version " + latest(control).next().number()
                        + "` (troubleshooting.md#kappa-refused).");
                return 1;
            }
            Optional<ViewVersions.Entry> existing = versions.get(target);
            KappaVersions folders = lab.kappaVersions();
            if (existing.isPresent()) {
                KappaChange had = existing.get().change();
                if (wanted != null && wanted != had) {
                    System.err.println("ERROR: " + target + " exists and computes change " + had.wireName() + ", not "
                            + wanted.wireName() + ". Replay into a new version, or `./lab kappa drop "
                            + target.number() + "` first (troubleshooting.md#kappa-refused).");
                    return 1;
                }
                if (!folders.exists(target)) {
                    folders.create(target, had);
                }
                System.out.println("Kappa " + target + " exists (change " + had.wireName() + ", " + existing.get().state()
                        + "): its job resumes from its checkpoint.");
            } else {
                KappaChange chosen = wanted == null ? KappaChange.NONE : wanted;
                folders.delete(target); // a folder without a row: left by a drop cut short; start clean
                folders.create(target, chosen);
                versions.register(target, chosen, false);
                System.out.println("Kappa " + target + " created (change " + chosen.wireName() + "): it replays "
                        + lab.settings().get("stream.topic") + " from its earliest offset while " + current.get()
                        + " keeps serving.");
            }
            boolean ready = control.startJob(target, !noWait);
            if (ready && !noWait) {
                System.out.println("Follow its lag with `./lab kappa status`; once it has caught up, `./lab kappa switch "
                        + target.number() + "`.");
            }
            return ready ? 0 : 1;
        }
    }

    private static KappaVersion latest(KappaControl control) {
        return control.versions().all().stream().map(ViewVersions.Entry::version).max(KappaVersion::compareTo)
                .orElse(new KappaVersion(1));
    }
}
