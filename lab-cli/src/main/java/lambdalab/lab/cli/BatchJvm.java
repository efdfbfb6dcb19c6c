package lambdalab.lab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import lambdalab.lab.service.SparkJobService;

/**
 * A `lab` batch command run by a demo in a JVM of its own: Spark wants its flags and a heap of its
 * own, and a batch run must not stall the demo's own threads (the generator keeps its pace). Shows
 * the lines of its output the demo cares about; {@link #stop()} (from a Ctrl-C) ends a run in
 * progress, which is safe because every batch job here is idempotent.
 */
final class BatchJvm {

    private final LabOptions options;
    private final Predicate<String> shown;
    private volatile Process running;
    private volatile boolean stopped;

    /** {@code shown} picks the output lines worth printing (a summary, errors); the rest is dropped. */
    BatchJvm(LabOptions options, Predicate<String> shown) {
        this.options = options;
        this.shown = shown;
    }

    /**
     * Runs {@code lab <command>} with the lab's options and prints the chosen lines with
     * {@code prefix}; returns the exit code (non-zero when it failed or was stopped).
     */
    int run(String prefix, String... command) {
        ProcessBuilder builder = new ProcessBuilder(commandLine(command)).redirectErrorStream(true);
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        try {
            Process process = builder.start();
            running = process;
            try (BufferedReader output = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    if (shown.test(line)) {
                        System.out.println(prefix + line);
                    }
                }
            }
            return process.waitFor();
        } catch (IOException e) {
            if (stopped) {
                return 143; // its output ended with the process stop() ended
            }
            throw new UncheckedIOException("Cannot run `lab " + String.join(" ", command) + "`", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } finally {
            running = null;
        }
    }

    /** Ends the run in progress, if any (it does not block). */
    void stop() {
        stopped = true;
        Process process = running;
        if (process != null) {
            process.destroy();
        }
    }

    private List<String> commandLine(String... command) {
        List<String> line = new ArrayList<>();
        line.add(ProcessHandle.current().info().command().orElse("java"));
        line.addAll(SparkJobService.sparkFlags());
        // the demo's runs cover minutes of events: a heap that grows only as far as they need, beside
        // the speed layer and the interpreter (the parallel collector from 1g held 700 MB resident)
        line.addAll(List.of("-Xms64m", "-Xmx1g", "-XX:+UseSerialGC"));
        line.addAll(SparkJobService.extraJobOptions(options.lab().settings()));
        line.addAll(List.of("-Dlab.repo=" + options.repo().root(),
                "-cp", System.getProperty("java.class.path"), LabCommand.class.getName()));
        line.addAll(List.of(command));
        line.addAll(options.asArguments());
        return line;
    }
}
