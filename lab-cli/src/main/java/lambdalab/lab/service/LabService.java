package lambdalab.lab.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import lambdalab.lab.settings.LabSettings;
import lambdalab.lab.system.LabProcesses;

/**
 * One infrastructure service of the lab, run as its own JVM from its Maven-resolved classpath.
 *
 * <p>A subclass says how to configure it ({@link #prepare()}), which main class to run, and when it is
 * really ready ({@link #checkReady()}). The supervisor and the tests drive every service through this
 * class, the way Testcontainers modules wrap a container.
 */
public abstract class LabService {

    /** System property on every service JVM: lets the lab recognise its own processes by PID. */
    public static final String HOME_MARKER = "-Dlambdalab.home=";
    public static final String SERVICE_MARKER = "-Dlambdalab.service=";

    protected final LabSettings settings;
    protected final ServiceModule module;
    /** A tool (storage format) running for this service right now, so a stop can end it too. */
    private volatile Process runningTool;

    protected LabService(LabSettings settings, ServiceModule module) {
        this.settings = settings;
        this.module = module;
    }

    /** Short name used in commands, PID files and log files, e.g. {@code kafka}. */
    public abstract String name();

    /** Every port the service listens on; the first is its main address. */
    public abstract List<Endpoint> endpoints();

    /** The web UI, if the service has one. */
    public Optional<String> ui() {
        return Optional.empty();
    }

    /** Renders configs and creates or formats storage; safe to call before every start. */
    public abstract void prepare();

    /** Called by the supervisor before each start: prepares, and keeps a class archive the last run wrote. */
    public void prepareStart() {
        prepare();
        classDataSharing().promoteNewArchive();
    }

    protected abstract String mainClass();

    protected List<String> mainArguments() {
        return List.of();
    }

    /** A real request to the service (not just an open port). */
    public abstract Health checkReady();

    /** How long a start may take before it counts as failed. */
    public Duration startTimeout() {
        return Duration.ofSeconds(settings.seconds("ready.timeout.seconds"));
    }

    public Endpoint mainEndpoint() {
        return endpoints().get(0);
    }

    public Path logFile() {
        return settings.logsDir().resolve(name() + ".log");
    }

    /** Rendered configs of this instance; services of one module (the HDFS daemons) share it. */
    public Path confDir() {
        return settings.confDir().resolve(module.name());
    }

    /** Persistent data of this instance; services of one module (the HDFS daemons) share it. */
    public Path dataDir() {
        return settings.dataDir().resolve(module.name());
    }

    /** The command line of the service JVM. */
    public List<String> command() {
        List<String> options = new ArrayList<>(module.jvmOptions(templateValues()));
        if (Boolean.parseBoolean(settings.get("class.sharing"))) {
            options.addAll(classDataSharing().options());
        }
        return jvmCommand(options, mainClass(), mainArguments());
    }

    /** This service's class-data-sharing archive, keyed by what it is made from. */
    ClassDataSharing classDataSharing() {
        String key = String.join(" ", module.jvmOptions(templateValues())) + mainClass()
                + ClassDataSharing.describe(classpath());
        return new ClassDataSharing(settings.home().resolve("cds"), name(), key);
    }

    /** Values for templates and jvm.options: every setting plus the instance's directories. */
    protected Map<String, String> templateValues() {
        Map<String, String> values = new HashMap<>(settings.asMap());
        values.put("conf.dir", confDir().toString());
        values.put("logs.dir", settings.logsDir().toString());
        values.put("tmp.dir", settings.tmpDir().toString());
        values.put("home", settings.home().toString());
        values.put(module.name() + ".data.dir", dataDir().toString());
        return values;
    }

    protected List<String> classpath() {
        return module.classpath();
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

    /** JVM options for short-lived tools: they start fast and run briefly, so no optimizing compiler. */
    private static final List<String> SHORT_TOOL_JVM = List.of(
            "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

    /**
     * The command line of a tool of this service (storage format, Kafka's perf tool...) with the
     * service's classpath. Tools run once per home (or per benchmark): no class archive would be reused.
     */
    public List<String> toolCommand(String mainClass, List<String> arguments, List<String> jvmOptions) {
        return jvmCommand(jvmOptions, mainClass, arguments);
    }

    /**
     * Runs a short-lived tool of the service to completion, its output appended to the service's
     * log; a failure names the log to read.
     */
    protected void runTool(String what, String mainClass, List<String> arguments, List<String> extraJvmOptions) {
        List<String> options = new ArrayList<>(SHORT_TOOL_JVM);
        options.addAll(extraJvmOptions);
        List<String> command = toolCommand(mainClass, arguments, options);
        try {
            Files.createDirectories(logFile().getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
            runningTool = process;
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new ServiceException(name() + ": " + what + " did not finish within 2 minutes. See " + logFile());
            }
            if (process.exitValue() != 0) {
                throw new ServiceException(name() + ": " + what + " failed (exit " + process.exitValue()
                        + "). See " + logFile() + ".");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name() + ": cannot run " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException(name() + ": interrupted during " + what, e);
        } finally {
            runningTool = null;
        }
    }

    /** Ends a tool that is still running because the lab is stopping while this service prepares. */
    public void stopRunningTool() {
        Process tool = runningTool;
        if (tool != null) {
            LabProcesses.stop(tool.toHandle(), Duration.ofSeconds(5));
        }
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
