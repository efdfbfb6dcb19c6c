package lambdalab.lab.cli;

import java.util.concurrent.Callable;
import lambdalab.course.kappa.KappaVersion;
import lambdalab.lab.Lab;
import lambdalab.lab.supervisor.ServiceState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "stop", mixinStandardHelpOptions = true,
        description = {"Stop every running Kappa job (the current version's and any replay). Views, checkpoints and "
                + "the serving pointer stay: `./lab kappa start` and `./lab kappa replay --version N` resume them."})
final class KappaStopCommand implements Callable<Integer> {

    @Mixin
    LabOptions options;

    @Override
    public Integer call() {
        Lab lab = options.lab();
        boolean stopped = true;
        boolean any = false;
        for (KappaVersion version : lab.kappaVersions().all()) {
            if (lab.runningSupervisor().isPresent()
                    && KappaControl.jobStatus(lab, version).state() != ServiceState.STOPPED) {
                any = true;
                stopped &= KappaControl.stopJob(lab, version);
            } else {
                lab.wantedJobs().withdraw(version.jobName());
            }
        }
        if (!any) {
            System.out.println("No Kappa job was running; nothing changed.");
        }
        return stopped ? 0 : 1;
    }
}
