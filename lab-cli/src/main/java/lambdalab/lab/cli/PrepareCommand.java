package lambdalab.lab.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import lambdalab.lab.JobProgress;
import lambdalab.lab.Lab;
import lambdalab.lab.service.StreamJobService;
import lambdalab.lab.system.Pause;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `lab prepare`: the class archives of a build, written before any learner's lab needs them. A JVM
 * without its archive loads and verifies every class from its jars and lists them; the archive is
 * written from that list beside it. Done on a first `lab up` and `lab stream start`, that makes them
 * the slowest starts of the course (the speed layer ran 17.5 s after `lab demo` started it, 13.7 s
 * with its archive), with dumps taking CPU and memory beside the learner's first minutes. Here a
 * lab instance of its own goes through the same starts, so its archives are the real ones, and
 * every home of the build maps them (they are keyed by the jars and main class only).
 */
@Command(name = "prepare", mixinStandardHelpOptions = true,
        description = {"Prepare this build's first starts: start a lab instance of its own (temporary home, free "
                + "ports), run the speed layer on it, wait until every JVM of it has its class archive written, "
                + "then stop the instance and delete its home. Every lab of this build then maps those archives "
                + "from its first start on, instead of loading and verifying thousands of classes.",
                "`./lab` runs it once after each build it does (LAB_PREPARE=false skips that). Without it, the "
                + "first `lab up` and `lab stream start` after a build write the archives themselves, in the "
                + "background, and start slower. Exit code 0 once every archive is written, 1 otherwise (the "
                + "first starts then write the missing ones)."})
final class PrepareCommand implements Callable<Integer> {

    /** A dump takes up to a minute of CPU, and the services' run side by side on 2 cores. */
    private static final Duration ARCHIVES_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration REMINDER = Duration.ofSeconds(30);

    @Mixin
    LabOptions options;

    @Mixin
    BenchProgress instanceProgress;

    @Override
    public Integer call() throws Exception {
        if (!options.settings().classSharing()) {
            System.out.println("Class sharing is off (setting class.sharing): there is nothing to prepare.");
            return 0;
        }
        Instant start = Instant.now();
        Lab lab = BenchInstances.create(options, Map.of());
        boolean written;
        try {
            System.out.println("Starting a lab instance of its own (" + lab.settings().home() + ") ...");
            BenchInstances.start(lab, instanceProgress.out());
            System.out.printf(Locale.ROOT, "  services ready after %s; starting the speed layer ...%n", since(start));
            if (startStreamJob(lab)) {
                System.out.printf(Locale.ROOT, "  the speed layer runs after %s%n", since(start));
            } else {
                System.out.println("  the speed layer did not start on the instance (its log is deleted with it; "
                        + "`lab stream start` on a lab of yours says why): its first start writes its archive");
            }
            written = awaitArchives(lab, start);
        } finally {
            BenchInstances.destroy(lab, instanceProgress.out());
        }
        System.out.printf(Locale.ROOT, "%s after %s.%n", written ? "Prepared: every class archive is written"
                : "Not every class archive is written", since(start));
        return written ? 0 : 1;
    }

    private boolean startStreamJob(Lab lab) {
        String request = lab.wantedJobs().request(StreamJobService.NAME);
        ProcessHandle supervisor = lab.runningSupervisor().orElseThrow(
                () -> new IllegalStateException("the instance's supervisor ended after its start"));
        return new JobProgress(lab, lab.streamJob(), instanceProgress.out()).awaitReady(request, supervisor);
    }

    /** Waits until no JVM of the instance has a class archive to be written; a line each time one is. */
    private static boolean awaitArchives(Lab lab, Instant start) {
        Instant deadline = Instant.now().plus(ARCHIVES_TIMEOUT);
        List<String> pending = lab.classArchivesPending();
        System.out.println("  writing the class archives of: " + describe(pending));
        Instant lastLine = Instant.now();
        while (!pending.isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                System.out.println("  not written within " + ARCHIVES_TIMEOUT.toMinutes() + " minutes: "
                        + describe(pending));
                return false;
            }
            Pause.of(POLL);
            List<String> now = lab.classArchivesPending();
            List<String> done = new ArrayList<>(pending);
            done.removeAll(now);
            if (!done.isEmpty()) {
                System.out.printf(Locale.ROOT, "  written after %s: %s%n", since(start), describe(done));
                lastLine = Instant.now();
            } else if (Duration.between(lastLine, Instant.now()).compareTo(REMINDER) >= 0) {
                System.out.printf(Locale.ROOT, "  still writing after %s: %s%n", since(start), describe(now));
                lastLine = Instant.now();
            }
            pending = now;
        }
        return true;
    }

    private static String describe(List<String> jvms) {
        return jvms.isEmpty() ? "none (all exist already)" : String.join(", ", jvms.stream().sorted().toList());
    }

    private static String since(Instant start) {
        return String.format(Locale.ROOT, "%.0f s", Duration.between(start, Instant.now()).toMillis() / 1000.0);
    }
}
