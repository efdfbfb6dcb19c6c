package lambdalab.lab.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lambdalab.lab.settings.LabSettings;

/**
 * One JVM the lab's supervisor runs and watches: an infrastructure service ({@link ModuleService})
 * or an on-demand job ({@link StreamJobService}).
 *
 * <p>A subclass says how to prepare it ({@link #prepare()}), its command line (JVM options, classpath,
 * main class) and when it is really ready ({@link #checkReady()}). The supervisor and the tests drive
 * every service through this class, the way Testcontainers modules wrap a container.
 */
public abstract class LabService {

    /** System property on every service JVM: lets the lab recognise its own processes by PID. */
    public static final String HOME_MARKER = "-Dlambdalab.home=";
    public static final String SERVICE_MARKER = "-Dlambdalab.service=";

    protected final LabSettings settings;

    protected LabService(LabSettings settings) {
        this.settings = settings;
    }

    /** Short name used in commands, PID files and log files, e.g. {@code kafka}. */
    public abstract String name();

    /** The command group that controls it (an on-demand job): {@code <command> start|stop|status}. */
    public String controlCommand() {
        return "./lab " + name();
    }

    /** The command that starts it, for "not started" messages. */
    public String startCommand() {
        return controlCommand() + " start";
    }

    /** Every port the service listens on; the first is its main address. Empty for a job. */
    public abstract List<Endpoint> endpoints();

    /** The web UI, if the service has one. */
    public Optional<String> ui() {
        return Optional.empty();
    }

    /** Renders configs and creates or formats storage; safe to call before every start. */
    public abstract void prepare();

    /** Called by the supervisor before each start. */
    public void prepareStart() {
        prepare();
    }

    protected abstract String mainClass();

    protected List<String> mainArguments() {
        return List.of();
    }

    /** The JVM options of the service (heap, GC, module flags...), before the lab's own markers. */
    protected abstract List<String> jvmOptions();

    protected abstract List<String> classpath();

    /** Environment variables the process needs beyond the supervisor's own. */
    public Map<String, String> environment() {
        return Map.of();
    }

    /** A real request to the service (not just an open port). */
    public abstract Health checkReady();

    /**
     * Loads, while the service boots, the client classes {@link #checkReady} will need once it answers:
     * the supervisor calls it in a thread of its own as each start begins, so that loading them is not
     * on the start's critical path. Readiness itself is still only what {@link #checkReady} sees.
     */
    public void warmUpReadinessCheck() {
    }

    /** Called by the supervisor each time a start of it became ready, with its process; must not block. */
    public void afterReady(ProcessHandle process) {
    }

    /** How long a start may take before it counts as failed. */
    public Duration startTimeout() {
        return Duration.ofSeconds(settings.seconds("ready.timeout.seconds"));
    }

    /** How long a stop may take gracefully (SIGTERM) before the process is killed. */
    public Duration stopTimeout() {
        return Duration.ofSeconds(settings.seconds("stop.timeout.seconds"));
    }

    public Endpoint mainEndpoint() {
        return endpoints().get(0);
    }

    public Path logFile() {
        return settings.logsDir().resolve(name() + ".log");
    }

    /** The command line of the service JVM. */
    public List<String> command() {
        return jvmCommand(jvmOptions(), mainClass(), mainArguments());
    }

    protected List<String> jvmCommand(List<String> jvmOptions, String mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-Djava.io.tmpdir=" + settings.tmpDir());
        command.add(HOME_MARKER + settings.home());
        command.add(SERVICE_MARKER + name());
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, classpath()));
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }

    protected static void createDirectories(Path... dirs) {
        for (Path dir : dirs) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create " + dir, e);
            }
        }
    }

    /** The same Java that runs the lab, so every service gets the JDK the launcher checked. */
    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    @Override
    public String toString() {
        return name();
    }
}
