package lambdalab.lab.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lambdalab.lab.Lab;
import lambdalab.lab.cli.LabCommand;

/**
 * A `lab` command in a JVM of its own against an instance (its home and settings), as `./lab` runs it,
 * so a test can send it the signal Ctrl-C sends; its output goes to a log file.
 */
final class LabCliProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private LabCliProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static LabCliProcess start(Lab lab, Path log, String... args) {
        // a shell without job control starts its background commands with SIGINT ignored, and a
        // JVM keeps an ignored SIGINT ignored: the command gets Ctrl-C's default back, whoever runs the suite
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT",
                ProcessHandle.current().info().command().orElse("java"),
                "-Xms1g", "-Xmx1g", "-Dlab.repo=" + System.getProperty("lab.repo"),
                "-cp", System.getProperty("java.class.path"), LabCommand.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--home", lab.settings().home().toString()));
        lab.settings().overrides().forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
        try {
            return new LabCliProcess(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGINT, what Ctrl-C in a terminal sends (Java's own API only sends SIGTERM and SIGKILL). */
    void interrupt() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -INT " + process.pid() + " failed (exit " + kill.exitValue() + ")");
        }
    }

    /** Waits for the command to end; fails with its output if it is still running after the timeout. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("`lab` did not end within " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
