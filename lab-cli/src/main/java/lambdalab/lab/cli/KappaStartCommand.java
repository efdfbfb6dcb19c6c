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

@Command(name = "start", mixinStandardHelpOptions = true,
        description = {"Run the Kappa job of the current version: the first time, version 1 (every valid event "
                + "counts, as in the Lambda views), which readers are pointed at at once; later, the version "
                + "kappa.view_versions points at, resuming from its checkpoint. Waits until the job runs.",
                "The lab must be running (`./lab up`). Exit code 0 when the job runs, 1 otherwise."})
final class KappaStartCommand implements Callable<Integer> {

    @Mixin
    LabOptions options;

    @Option(names = "--no-wait", description = "Return once the request is made; follow it with `./lab kappa status`.")
    boolean noWait;

    @Override
    public Integer call() {
        Lab lab = options.lab();
        if (!KappaControl.labRuns(lab)) {
            return 1;
        }
        StreamStartCommand.warnAboutServicesNotReady(lab, "the Kappa job");
        try (KappaControl control = KappaControl.open(lab)) {
            ViewVersions versions = control.versions();
            Optional<KappaVersion> current = versions.current();
            KappaVersion version = current.orElse(new KappaVersion(1));
            KappaChange change = versions.get(version).map(ViewVersions.Entry::change).orElse(KappaChange.NONE);
            KappaVersions folders = lab.kappaVersions();
            if (!folders.exists(version)) {
                folders.create(version, change);
            }
            if (current.isEmpty()) {
                versions.register(version, change, true);
                System.out.println("Kappa " + version + " created (change " + change.wireName() + ") and made current: "
                        + "it reads " + lab.settings().get("stream.topic") + " from its earliest offset.");
            }
            boolean ready = control.startJob(version, !noWait);
            if (ready && !noWait) {
                System.out.println("Query it with `./lab query --kappa`; see it with `./lab kappa status`.");
            }
            return ready ? 0 : 1;
        }
    }
}
