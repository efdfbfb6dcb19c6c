package lambdalab.lab.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lambdalab.course.LabEndpoints;
import lambdalab.lab.service.ClassDataSharing;
import lambdalab.lab.service.SparkJobService;

/**
 * The speed layer job in its own JVM, as the lab runs it, so a test can kill it with SIGKILL in the
 * middle of its work; its output goes to a log file the failure messages point at.
 */
final class SpeedLayerProcess implements AutoCloseable {

    /** The job's class archives, kept with the build (a rebuilt jar makes a new one). */
    private static final Path ARCHIVES = Path.of("target", "cds").toAbsolutePath();

    private final Process process;
    private final Path log;

    private SpeedLayerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Where a start without the archive lists its classes: a file of its own (jobs may run side by
     * side) in the test's folder under the build's target, which a clean build removes (in the
     * machine's temporary folder, the lists of jobs whose test JVM was killed stayed for good).
     */
    private static Path classList(Path log) {
        try {
            return Files.createTempFile(log.toAbsolutePath().getParent(), "classes-", ".lst");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryFolder(Path log) {
        try {
            return Files.createDirectories(log.resolveSibling("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SpeedLayerProcess start(LabEndpoints endpoints, Path log, String... extraArguments) {
        return start(endpoints, log, true, extraArguments);
    }

    /** As the lab starts it, except that {@code sparkLocalIp} false leaves SPARK_LOCAL_IP unset. */
    static SpeedLayerProcess start(LabEndpoints endpoints, Path log, boolean sparkLocalIp, String... extraArguments) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        List<String> jvmOptions = new ArrayList<>(SparkJobService.sparkFlags()); // the flags the lab gives its own job
        jvmOptions.addAll(List.of("-Xms1g", "-Xmx1g", "-XX:+UseParallelGC", "-Dlog4j2.configurationFile="
                + SpeedLayerProcess.class.getResource("/log4j2.xml")));
        // each run here lives for seconds over a few thousand events: the JIT's optimising compiler
        // would cost more than it earns (a test 30% faster without it); the lab's job keeps it
        jvmOptions.add("-XX:TieredStopAtLevel=1");
        command.addAll(jvmOptions);
        // Spark's and Snappy's temporary files in the test's own folder, which it deletes: a job killed with
        // -9 leaves them (outside the archive's key: these options are the same for every start)
        command.add("-Djava.io.tmpdir=" + temporaryFolder(log));
        List<String> classpath = jarsOfThisJvm();
        ClassDataSharing archive = new ClassDataSharing(ARCHIVES, "speed-layer-test", String.join(" ", jvmOptions)
                + ClassDataSharing.describe(classpath));
        archive.deleteOutdatedArchives();
        Path classList = classList(log);
        command.addAll(archive.optionsListingClasses(classList));
        command.addAll(List.of("-cp", String.join(File.pathSeparator, classpath),
                "lambdalab.course.speed.SpeedLayerJob",
                "--kafka", endpoints.kafkaBootstrapServers(),
                "--cassandra", endpoints.cassandraHost() + ":" + endpoints.cassandraPort(),
                "--hdfs", endpoints.hdfsUri(),
                "--no-warm-up")); // as in the suite's labs: these runs keep no live pace
        command.addAll(List.of(extraArguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (sparkLocalIp) {
            builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        } else {
            builder.environment().remove("SPARK_LOCAL_IP"); // the test JVM itself runs with it
        }
        try {
            Process process = builder.start();
            archive.dumpLater(process.toHandle(), classList, jvmOptions, classpath);
            return new SpeedLayerProcess(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The jars of this test JVM's classpath, without its class folders: the job needs none of the
     * tests' or the lab's own classes (its log configuration is named), and without folders its JVM
     * can map a class archive, as the lab's job does. A start then loads the Kafka, Cassandra and
     * Hadoop clients in a second and a half instead of four or more, and these tests start it often.
     */
    private static List<String> jarsOfThisJvm() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar")).toList();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no graceful stop, mid-batch if it is in one. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as `lab stream stop` sends it: the job finishes its batch and stops. Returns the exit code. */
    int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the speed layer did not stop within " + timeout + "; see " + log);
        }
        return process.exitValue();
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill9();
        }
    }
}
