package lambdalab.lab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import lambdalab.lab.Lab;
import lambdalab.lab.service.ModuleService;
import lambdalab.lab.settings.LabSettings;
import lambdalab.lab.supervisor.ServiceStatus;
import lambdalab.lab.system.Directories;
import lambdalab.lab.system.LabProcesses;
import lambdalab.lab.system.Resources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print figures.",
        subcommands = {BenchCommand.Startup.class, GenerateBenchmark.class, BatchBenchmark.class, StreamBenchmark.class,
                PlusBenchmark.class, KappaBenchmark.class, MemoryBenchmark.class, DemoBenchmark.class,
                NotebooksBenchmark.class})
final class BenchCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "startup", mixinStandardHelpOptions = true,
            description = {"Start separate lab instances (temporary homes, free ports; your lab is not touched) and "
                    + "print the time to all-ready: the first start of this build (no class archives yet: the JVMs list "
                    + "their classes and the archives are written beside them), a fresh home once the build has its "
                    + "archives (the services' and the supervisor's are the build's, shared by every home), a restart, "
                    + "and a restart without class sharing; and the resident memory of each service once idle. The "
                    + "archives are kept in a folder of the benchmark's own, so your build's are not used.",
                    "Targets: fresh <= 15 s, restart <= 10 s, four services <= 2.5 GB RSS."})
    static final class Startup implements Callable<Integer> {

        private static final Duration ARCHIVES_TIMEOUT = Duration.ofMinutes(3);

        @Mixin
        LabOptions options;

        @Option(names = "--settle", defaultValue = "5", description = "Seconds to wait after ready before reading RSS (default 5).")
        int settleSeconds;

        @Mixin
        BenchProgress benchProgress;

        @Override
        public Integer call() throws IOException, InterruptedException {
            PrintStream progress = benchProgress.out();
            Path archives = Files.createTempDirectory("lab-bench-cds-");
            try {
                Map<String, String> sharing = Map.of("class.sharing.dir", archives.toString());
                double firstOfBuild = firstStartOfTheBuild(sharing, archives, progress);
                Lab lab = BenchInstances.create(options, sharing);
                try {
                    double fresh = timeStart(lab, progress, "fresh home");
                    Map<String, Long> freshRss = rssAfter(lab, settleSeconds);
                    lab.stop(progress);
                    double restart = timeStart(lab, progress, "restart");
                    Map<String, Long> restartRss = rssAfter(lab, settleSeconds);
                    lab.stop(progress);
                    Map<String, String> noSharing = new LinkedHashMap<>(lab.settings().overrides());
                    noSharing.put("class.sharing", "false");
                    Lab withoutArchives = new Lab(LabSettings.load(lab.settings().home(), System.getenv(), noSharing),
                            options.repo());
                    double restartWithoutArchives = timeStart(withoutArchives, progress, "restart, no class sharing");
                    withoutArchives.stop(progress);
                    report(new Times(firstOfBuild, fresh, restart, restartWithoutArchives), freshRss, restartRss);
                    return 0;
                } finally {
                    BenchInstances.destroy(lab, progress);
                }
            } finally {
                Directories.deleteRecursively(archives);
            }
        }

        /** A fresh home with no class archive anywhere, then a wait until its JVMs have had theirs written. */
        private double firstStartOfTheBuild(Map<String, String> sharing, Path archives, PrintStream progress)
                throws IOException, InterruptedException {
            Lab first = BenchInstances.create(options, sharing);
            try {
                double seconds = timeStart(first, progress, "first start of the build");
                long expected = first.services().all().stream().filter(ModuleService.class::isInstance)
                        .map(service -> ((ModuleService) service).classDataSharing().archive()).distinct().count()
                        + 1; // and the supervisor's
                progress.printf(Locale.ROOT, "Waiting for the %d class archives ...%n", expected);
                Instant deadline = Instant.now().plus(ARCHIVES_TIMEOUT);
                while (archivesIn(archives) < expected) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("only " + archivesIn(archives) + " of " + expected
                                + " class archives were written in " + ARCHIVES_TIMEOUT.toMinutes() + " minutes");
                    }
                    Thread.sleep(500);
                }
                return seconds;
            } finally {
                BenchInstances.destroy(first, progress);
            }
        }

        private static long archivesIn(Path dir) throws IOException {
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(file -> file.getFileName().toString().endsWith(".jsa")).count();
            }
        }

        private static double timeStart(Lab lab, PrintStream progress, String what) {
            long start = System.nanoTime();
            BenchInstances.start(lab, progress);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%-26s all ready in %5.1f s%n", what, seconds);
            return seconds;
        }

        private static Map<String, Long> rssAfter(Lab lab, int settleSeconds) throws InterruptedException {
            Thread.sleep(settleSeconds * 1000L);
            Map<String, Long> rss = new LinkedHashMap<>();
            for (ServiceStatus status : lab.status()) {
                rss.put(status.name(), LabProcesses.residentBytes(status.pid()).orElse(0));
            }
            return rss;
        }

        private record Times(double firstOfBuild, double fresh, double restart, double restartWithoutArchives) {
        }

        private static void report(Times times, Map<String, Long> freshRss, Map<String, Long> restartRss) {
            System.out.println();
            System.out.printf(Locale.ROOT, "%-26s %10s %10s%n", "figure", "measured", "target");
            System.out.printf(Locale.ROOT, "%-26s %9.1fs %10s%n", "first start of the build", times.firstOfBuild(), "-");
            System.out.printf(Locale.ROOT, "%-26s %9.1fs %9ss%n", "fresh start", times.fresh(), "<= 15");
            System.out.printf(Locale.ROOT, "%-26s %9.1fs %9ss%n", "restart", times.restart(), "<= 10");
            System.out.printf(Locale.ROOT, "%-26s %9.1fs %10s%n", "restart, no class sharing",
                    times.restartWithoutArchives(), "-");
            for (String name : restartRss.keySet()) {
                System.out.printf(Locale.ROOT, "%-26s %10s %10s%n", "RSS " + name + " (fresh/restart)",
                        Resources.formatBytes(freshRss.get(name)) + "/" + Resources.formatBytes(restartRss.get(name)), "");
            }
            long total = restartRss.values().stream().mapToLong(Long::longValue).sum();
            long totalFresh = freshRss.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf(Locale.ROOT, "%-26s %10s %10s%n", "RSS total (fresh)", Resources.formatBytes(totalFresh), "<= 2.5 GB");
            System.out.printf(Locale.ROOT, "%-26s %10s %10s%n", "RSS total (restart)", Resources.formatBytes(total), "<= 2.5 GB");
        }
    }
}
