package lambdalab.lab.cli;

import java.util.List;
import java.util.concurrent.Callable;
import lambdalab.course.kappa.KappaSchema;
import lambdalab.course.kappa.KappaVersion;
import lambdalab.lab.Lab;
import lambdalab.lab.service.KappaVersions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lab kappa reset}: module 10 from the start, with the clickstream topic as it is. */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Start module 10 over: stop every Kappa job, then remove every version (views, late-event "
                + "rows, checkpoints) and the serving pointer (the whole kappa keyspace). The clickstream topic "
                + "and the Lambda views are not touched; `./lab kappa start` then computes version 1 again from the "
                + "topic's earliest offset."})
final class KappaResetCommand implements Callable<Integer> {

    @Mixin
    LabOptions options;

    @Override
    public Integer call() {
        Lab lab = options.lab();
        KappaVersions folders = lab.kappaVersions();
        List<KappaVersion> versions = folders.all();
        for (KappaVersion version : versions) {
            if (!KappaControl.stopJob(lab, version)) {
                System.err.println("ERROR: the " + version.jobName() + " job did not stop; nothing was removed "
                        + "(`./lab logs " + version.jobName() + "`).");
                return 1;
            }
        }
        try (KappaControl control = KappaControl.open(lab)) {
            control.session().execute("DROP KEYSPACE IF EXISTS " + KappaSchema.KEYSPACE);
        }
        versions.forEach(folders::delete);
        System.out.println("Kappa reset: " + versions.size() + " version folder(s) and the kappa keyspace removed; "
                + "`./lab kappa start` computes version 1 from the topic's earliest offset.");
        return 0;
    }
}
