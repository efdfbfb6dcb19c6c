package lambdalab.lab.cli;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import lambdalab.lab.JobProgress;
import lambdalab.lab.Lab;
import lambdalab.lab.service.StreamJobService;
import lambdalab.lab.supervisor.ServiceState;
import lambdalab.lab.supervisor.ServiceStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "start", mixinStandardHelpOptions = true,
        description = {"Ask the lab's supervisor to run the speed-layer job, and wait until the job reports that "
                + "it runs (a line per state change) or the supervisor gives up on it (three starts in a row that "
                + "never became ready; the cause and the log are printed). Exit code 0 when it runs, 1 otherwise.",
                "The lab must be running (`./lab up`). On a job that runs already it changes nothing; on one that "
                + "failed it tries again.",
                "In the cluster profile the job is submitted to the lab's Spark cluster (spark-submit style, the course "
                + "jar; its executors run in the workers); in the single-node lab Spark runs in the job's own JVM."})
final class StreamStartCommand implements Callable<Integer> {

    @Mixin
    LabOptions options;

    @Option(names = "--no-wait", description = "Return once the request is made; follow it with `./lab stream status`.")
    boolean noWait;

    @Override
    public Integer call() {
        Lab lab = options.lab();
        Optional<ProcessHandle> supervisor = lab.runningSupervisor();
        if (supervisor.isEmpty()) {
            System.err.println("ERROR: the lab is not running: start it with ./lab up");
            return 1;
        }
        ServiceStatus current = StreamStatusCommand.jobStatus(lab);
        if (current.state() == ServiceState.READY) {
            System.out.println("The stream job already runs (PID " + current.pid() + "); nothing changed. "
                    + "See it with `./lab stream status`.");
            return 0;
        }
        warnAboutServicesNotReady(lab, "the stream job");
        String request = lab.wantedJobs().request(StreamJobService.NAME);
        if (noWait) {
            System.out.println("Asked the supervisor to start the stream job; follow it with `./lab stream status`.");
            return 0;
        }
        System.out.println("Starting the stream job (log: " + lab.streamJob().logFile() + ") ...");
        boolean ready = new JobProgress(lab, lab.streamJob(), System.out).awaitReady(request, supervisor.get());
        if (ready) {
            System.out.println("See it with `./lab stream status`; stop it with `./lab stream stop`.");
        }
        return ready ? 0 : 1;
    }

    /** A job reads and writes the services: without them it may fail to start. */
    static void warnAboutServicesNotReady(Lab lab, String job) {
        lab.status().stream().filter(s -> s.state() != ServiceState.READY).forEach(s ->
                System.out.println("WARNING: " + s.name() + " is " + s.state().name().toLowerCase(Locale.ROOT)
                        + " (" + s.detail() + "); " + job + " needs it and may fail to start."));
    }
}
