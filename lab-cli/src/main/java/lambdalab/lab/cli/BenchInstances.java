package lambdalab.lab.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import lambdalab.lab.Lab;
import lambdalab.lab.settings.LabSettings;
import lambdalab.lab.settings.SettingsException;
import lambdalab.lab.system.FreePorts;

/**
 * Lab instances for benchmarks and `lab prepare`: a temporary home on free ports, so the user's lab
 * is never touched.
 */
final class BenchInstances {
    private BenchInstances() {
    }

    static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final int TAIL_LINES = 30;

    /**
     * A new instance with {@code settings} and the command's --set overrides. Its home is always a new
     * temporary one: a --home given to the command would otherwise be taken for where it runs.
     */
    static Lab create(LabOptions options, Map<String, String> settings) throws IOException {
        if (options.home != null) {
            throw new SettingsException("--home " + options.home + " is not used here: this command runs on a lab "
                    + "instance of its own (a temporary home, free ports), never on a lab of yours. Drop --home; "
                    + "give settings with --set KEY=VALUE.");
        }
        Path home = Files.createTempDirectory("lab-bench-");
        Map<String, String> overrides = new LinkedHashMap<>(FreePorts.forAllPortSettings());
        overrides.putAll(settings);
        overrides.putAll(options.overrides);
        return new Lab(LabSettings.load(home, System.getenv(), overrides), options.repo());
    }

    /** Starts the instance; the progress lines go to {@code progress}. */
    static void start(Lab lab, PrintStream progress) {
        // the instance's supervisor stops it if this JVM ends without cleaning up (Ctrl-C, kill)
        if (!lab.startInBackground(progress, OptionalLong.of(ProcessHandle.current().pid()))) {
            throw new IllegalStateException("the benchmark's lab instance did not start; run with --verbose");
        }
    }

    /**
     * A `lab` command as a learner runs it (the script: its JVM flags) on the benchmark's instance,
     * its output to {@code log}.
     */
    static Process labScript(LabOptions options, Lab lab, Path log, String... command) throws IOException {
        List<String> line = new ArrayList<>();
        line.add(options.repo().root().resolve("lab").toString());
        line.addAll(List.of(command));
        line.addAll(List.of("--home", lab.settings().home().toString()));
        lab.settings().overrides().forEach((key, value) -> line.addAll(List.of("--set", key + "=" + value)));
        return new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Stops the instance and deletes its temporary home with all it holds (data, logs, a benchmark's files). */
    static void destroy(Lab lab, PrintStream progress) throws IOException {
        lab.stop(progress);
        lab.wipe();
        try (Stream<Path> tree = Files.walk(lab.settings().home())) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * Fails when a `lab` command the benchmark needs for its whole run ({@link #labScript}) has ended:
     * figures without it would look better than the course is. Says how it ended and the end of its
     * log, which is deleted with the instance.
     */
    static void requireRunning(Process command, String what, Path log) throws IOException {
        if (!command.isAlive()) {
            throw new IllegalStateException("`lab " + what + "` ended before the benchmark did (exit code "
                    + command.exitValue() + "); the end of its output:\n" + tail(log));
        }
    }

    /** The last lines of a command's log: the instance's home, the log with it, is deleted afterwards. */
    static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }
}
