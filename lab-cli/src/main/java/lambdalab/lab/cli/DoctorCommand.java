package lambdalab.lab.cli;

import java.util.List;
import java.util.concurrent.Callable;
import lambdalab.lab.doctor.Check;
import lambdalab.lab.doctor.Doctor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check Java, the profile, what the Cassandra consistency level of the jobs buys (a read sees "
                + "every write; nodes it survives losing), the build and the services' class archives, memory, disk, "
                + "every port (and who holds a taken one), each service's health, listeners off loopback, and known "
                + "errors in the logs with their fixes. Exit code 1 if anything failed.")
final class DoctorCommand implements Callable<Integer> {

    @Mixin
    LabOptions options;

    @Override
    public Integer call() {
        List<Check> checks = new Doctor(options.lab()).run();
        checks.forEach(c -> System.out.printf("%-4s %-12s %s%n", c.level(), c.subject(), c.message()));
        long failures = checks.stream().filter(c -> c.level() == Check.Level.FAIL).count();
        System.out.println(failures == 0 ? "No problem found." : failures + " problem(s) found; see troubleshooting.md.");
        return failures == 0 ? 0 : 1;
    }
}
