package lambdalab.lab.cli;

import java.util.List;
import java.util.concurrent.Callable;
import lambdalab.lab.Lab;
import lambdalab.lab.service.Endpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Stop the lab: the stream job first if it runs (stream.stop.timeout.seconds; the next "
                + "`./lab up` does not start it again), then each service gracefully (stop.timeout.seconds), then by "
                + "force; checks that no process of the lab and no port of it is left.")
final class DownCommand implements Callable<Integer> {

    @Mixin
    LabOptions options;

    @Override
    public Integer call() {
        Lab lab = options.lab();
        if (lab.runningSupervisor().isEmpty()) {
            System.out.println("No supervisor runs for " + lab.settings().home() + "; cleaning up what a crash left.");
        }
        List<Endpoint> taken = lab.stop(System.out);
        if (!taken.isEmpty()) {
            taken.forEach(e -> System.out.println("ERROR: port " + e.address() + " is still taken; `./lab doctor` "
                    + "shows by whom."));
            return 1;
        }
        System.out.println("The lab is stopped; no process or port of it is left.");
        return 0;
    }
}
