package lambdalab.lab.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import lambdalab.lab.settings.LabSettings;
import lambdalab.lab.settings.RepoLayout;
import lambdalab.lab.supervisor.PidFile;

/**
 * A Spark Streaming job run by the supervisor on demand (the speed layer, the Lambda+ speed job): it
 * runs on the lab's own classpath (the supervisor's, which holds shared-jar and Spark), listens on no
 * port, and is ready when its status file says it runs with the PID the supervisor started.
 */
public abstract class SparkJobService extends LabService {

    /** Spark's Java 17 module flags, from the parent pom (the same file ./lab reads for `lab batch`). */
    private static final String SPARK_FLAGS = "/lambdalab/lab/spark-jvm-flags.txt";
    /**
     * Spark takes tens of seconds to start on a small machine, and a recovery from a checkpoint
     * replays state before the job says it runs: at least five minutes.
     */
    private static final Duration MIN_START_TIMEOUT = Duration.ofMinutes(5);

    protected SparkJobService(LabSettings settings) {
        super(settings);
    }

    /** The setting with the job's heap (e.g. {@code stream.heap}). */
    protected abstract String heapSetting();

    @Override
    public List<Endpoint> endpoints() {
        return List.of();
    }

    public StreamStatusFile statusFile() {
        return StreamStatusFile.forJob(settings.runDir(), name());
    }

    /** A status file of an earlier run must not make a new start look ready. */
    @Override
    public void prepare() {
        createDirectories(settings.tmpDir(), settings.runDir(), settings.logsDir());
        statusFile().delete();
    }

    /** Keeps a class archive the last run wrote. */
    @Override
    public void prepareStart() {
        prepare();
        classDataSharing().ifPresent(ClassDataSharing::deleteOutdatedArchives);
    }

    /**
     * Spark's module flags, a fixed pre-touched heap (Spark ran about half as fast without one here),
     * and the class archive's options: a job without one yet lists the classes it loads, for the
     * archive written beside it, not at its stop (see {@link ClassDataSharing}).
     */
    @Override
    protected List<String> jvmOptions() {
        List<String> options = new ArrayList<>(baseJvmOptions());
        classDataSharing().ifPresent(archive -> options.addAll(archive.optionsListingClasses(classList())));
        return options;
    }

    /** The classes a job started without a class archive loads, for the archive. */
    private Path classList() {
        return settings.tmpDir().resolve(name() + ClassDataSharing.CLASS_LIST_SUFFIX);
    }

    /** A job started without a class archive has one written, in the background, a few seconds after it is ready. */
    @Override
    public void afterReady(ProcessHandle process) {
        classDataSharing().ifPresent(archive -> archive.dumpLater(process, classList(), baseJvmOptions(), classpath()));
    }

    private List<String> baseJvmOptions() {
        List<String> options = new ArrayList<>(sparkFlags());
        String heap = settings.get(heapSetting());
        options.addAll(List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+UseParallelGC", "-XX:+AlwaysPreTouch"));
        options.addAll(extraJobOptions(settings));
        return options;
    }

    /**
     * The job's class archive, as the services have: its start loads the Kafka, Cassandra, Hadoop and
     * Spark clients' classes, seconds of CPU. The job runs on the supervisor's classpath, jars that
     * every home of the build shares (SupervisorJars), so the archive is the build's too
     * ({@code lab-cli/target/cds}, or {@code class.sharing.dir}), keyed by those jars and the main
     * class, not by the home's heap or options.
     */
    private Optional<ClassDataSharing> classDataSharing() {
        List<String> classpath = classpath();
        if (!settings.classSharing() || !ClassDataSharing.canArchive(classpath)) {
            return Optional.empty();
        }
        return Optional.of(new ClassDataSharing(settings.classArchives(RepoLayout.fromSystemProperty().classArchives()),
                archiveName(), mainClass() + ClassDataSharing.describe(classpath)));
    }

    /** The name of the job's class archive: jobs of one main class on the same jars can share one. */
    protected String archiveName() {
        return name();
    }

    /** The setting {@code jobs.jvm.options}, split into options. */
    public static List<String> extraJobOptions(LabSettings settings) {
        return LabSettings.optionList(settings.get("jobs.jvm.options"));
    }

    /** Spark's module flags on Java 17, for every JVM of the lab that runs Spark. */
    public static List<String> sparkFlags() {
        try (InputStream in = SparkJobService.class.getResourceAsStream(SPARK_FLAGS)) {
            if (in == null) {
                throw new ServiceException("The lab is not built completely (" + SPARK_FLAGS + " is missing). "
                        + "Run ./lab again (it builds what is missing) or ./mvnw -q package -DskipTests.");
            }
            String flags = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return Arrays.stream(flags.split("\\s+")).filter(flag -> !flag.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SPARK_FLAGS, e);
        }
    }

    /** The lab's own classpath (the supervisor's): lab-cli with shared-jar, Spark and the connectors. */
    @Override
    protected List<String> classpath() {
        return List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator));
    }

    /** Spark binds and names its driver by this, not by the host name. */
    @Override
    public Map<String, String> environment() {
        return Map.of("SPARK_LOCAL_IP", "127.0.0.1");
    }

    /** Ready when the status file says "running" with the PID of the process the supervisor started. */
    @Override
    public Health checkReady() {
        OptionalLong started = PidFile.of(settings.runDir(), name()).read();
        Optional<StreamJobStatus> status;
        try {
            status = statusFile().read();
        } catch (ServiceException e) {
            return Health.notReady(e.getMessage());
        }
        if (status.isEmpty()) {
            return Health.notReady("no status file yet (" + statusFile().path() + ")");
        }
        StreamJobStatus job = status.get();
        if (started.isEmpty() || !job.readyFor(started.getAsLong())) {
            return Health.notReady("the job says " + job.state() + (job.pid() == started.orElse(-1) ? ""
                    : " (PID " + job.pid() + ", not the process started, " + started.orElse(-1) + ")"));
        }
        // the supervisor keeps this text from the moment of readiness: nothing here that changes later
        return Health.ready("the job says running (state recovered from " + job.recoveredFrom() + ")");
    }

    @Override
    public Duration startTimeout() {
        Duration configured = super.startTimeout();
        return configured.compareTo(MIN_START_TIMEOUT) > 0 ? configured : MIN_START_TIMEOUT;
    }
}
