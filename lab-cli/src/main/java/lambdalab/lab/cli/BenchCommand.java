package lambdalab.lab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import lambdalab.lab.Lab;
import lambdalab.lab.settings.LabSettings;
import lambdalab.lab.supervisor.ServiceStatus;
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
            description = {"Start a separate lab instance (temporary home, free ports; your lab is not touched) "
                    + "and print the time to all-ready on the fresh home, on a restart (with the class archives "
                    + "the first stop wrote), and on a restart without class sharing; and the resident memory of "
                    + "each service and in total once idle.",
                    "Targets: fresh <= 15 s, restart <= 10 s, four services <= 2.5 GB RSS."})
    static final class Startup implements Callable<Integer> {

        @Mixin
        LabOptions options;

        @Option(names = "--settle", defaultValue = "5", description = "Seconds to wait after ready before reading RSS (default 5).")
        int settleSeconds;

        @Mixin
        BenchProgress benchProgress;

        @Override
        public Integer call() throws IOException, InterruptedException {
            PrintStream progress = benchProgress.out();
            Lab lab = BenchInstances.create(options, Map.of());
            try {
                double fresh = timeStart(lab, progress, "fresh home");
                Map<String, Long> freshRss = rssAfter(lab, settleSeconds);
                lab.stop(progress); // a clean stop writes the class archives
                double restart = timeStart(lab, progress, "restart");
                Map<String, Long> restartRss = rssAfter(lab, settleSeconds);
                lab.stop(progress);
                Map<String, String> noSharing = new LinkedHashMap<>(lab.settings().overrides());
                noSharing.put("class.sharing", "false");
                Lab withoutArchives = new Lab(LabSettings.load(lab.settings().home(), System.getenv(), noSharing),
                        options.repo());
                double restartWithoutArchives = timeStart(withoutArchives, progress, "restart, no class sharing");
                withoutArchives.stop(progress);
                report(fresh, restart, restartWithoutArchives, freshRss, restartRss);
                return 0;
            } finally {
                BenchInstances.destroy(lab, progress);
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

        private static void report(double fresh, double restart, double restartWithoutArchives,
                                   Map<String, Long> freshRss, Map<String, Long> restartRss) {
            System.out.println();
            System.out.printf(Locale.ROOT, "%-22s %10s %10s%n", "figure", "measured", "target");
            System.out.printf(Locale.ROOT, "%-22s %9.1fs %9ss%n", "fresh start", fresh, "<= 15");
            System.out.printf(Locale.ROOT, "%-22s %9.1fs %9ss%n", "restart", restart, "<= 10");
            System.out.printf(Locale.ROOT, "%-22s %9.1fs %10s%n", "restart, no class sharing", restartWithoutArchives, "-");
            for (String name : restartRss.keySet()) {
                System.out.printf(Locale.ROOT, "%-22s %10s %10s%n", "RSS " + name + " (fresh/restart)",
                        Resources.formatBytes(freshRss.get(name)) + "/" + Resources.formatBytes(restartRss.get(name)), "");
            }
            long total = restartRss.values().stream().mapToLong(Long::longValue).sum();
            long totalFresh = freshRss.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf(Locale.ROOT, "%-22s %10s %10s%n", "RSS total (fresh)", Resources.formatBytes(totalFresh), "<= 2.5 GB");
            System.out.printf(Locale.ROOT, "%-22s %10s %10s%n", "RSS total (restart)", Resources.formatBytes(total), "<= 2.5 GB");
        }
    }
}
