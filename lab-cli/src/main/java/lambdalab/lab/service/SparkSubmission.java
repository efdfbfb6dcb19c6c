package lambdalab.lab.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import lambdalab.lab.settings.LabSettings;

/**
 * A course job submitted to the lab's Spark standalone cluster the way {@code spark-submit} does it:
 * a JVM on a Spark distribution's classpath (services/spark) running
 * {@code org.apache.spark.deploy.SparkSubmit --master spark://... --deploy-mode client --class JOB
 * lambda-lab-course.jar ARGS}. The driver runs in that JVM (so the supervisor watches the job by its
 * PID, as in the single-node lab); the executors run in the workers and get the course jar from it.
 */
public final class SparkSubmission {

    public static final String MAIN_CLASS = "org.apache.spark.deploy.SparkSubmit";
    /** The course jar in the repository, as the build leaves it (shared-jar's shade execution). */
    private static final String BUILT_JAR = "shared-jar/target/lambda-lab-course.jar";

    private final LabSettings settings;
    private final ServiceModule spark;
    private final Path repository;

    public SparkSubmission(LabSettings settings, ServiceModule spark, Path repository) {
        this.settings = settings;
        this.spark = spark;
        this.repository = repository;
    }

    /**
     * The course jar the jobs are submitted with: a copy in the lab home, taken before each
     * submission, since a rebuild rewrites the repository's while a driver reads it (the same reason
     * the supervisor runs on copies: see SupervisorJars).
     */
    public Path courseJar() {
        return SparkDaemon.sparkHome(settings).dir().resolve("course").resolve("lambda-lab-course.jar");
    }

    /** Copies the built course jar to {@link #courseJar()}; call before a submission. */
    public void prepare() {
        Path built = repository.resolve(BUILT_JAR);
        if (!Files.isRegularFile(built)) {
            throw new ServiceException("The course jar " + built + " is not built. Run ./lab again (it builds what is "
                    + "missing) or ./mvnw -q package -DskipTests.");
        }
        try {
            Files.createDirectories(courseJar().getParent());
            Path partial = courseJar().resolveSibling(courseJar().getFileName() + ".copy");
            Files.copy(built, partial, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            Files.move(partial, courseJar(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the course jar to " + courseJar(), e);
        }
    }

    /** The driver JVM's classpath: a Spark distribution's jars, without the lab's own code. */
    public List<String> classpath() {
        return spark.classpath();
    }

    /** The driver logs Spark's warnings only, as the executors do (its own progress goes to stdout). */
    public List<String> driverJvmOptions() {
        return List.of("-Dlog4j2.configurationFile=" + SparkDaemon.sparkHome(settings).confDir().resolve("log4j2.properties"));
    }

    /** SparkSubmit's arguments: where and how to run {@code jobClass} of the course jar, then the job's own. */
    public List<String> arguments(String appName, String jobClass, List<String> jobArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--master", SparkDaemon.masterUrl(settings),
                "--deploy-mode", "client",
                "--name", appName,
                "--class", jobClass,
                "--conf", "spark.cores.max=" + settings.count("spark.job.cores"),
                "--conf", "spark.executor.cores=1",
                "--conf", "spark.executor.memory=" + settings.get("spark.executor.memory"),
                // the executors connect back to the driver: on loopback, as every socket of the lab
                "--conf", "spark.driver.host=" + settings.get("bind.address"),
                "--conf", "spark.driver.bindAddress=" + settings.get("bind.address"),
                courseJar().toString()));
        List<String> jobJvmOptions = SparkJobService.extraJobOptions(settings);
        if (!jobJvmOptions.isEmpty()) {
            // the executors are the job's JVMs too (Spark adds its own module flags to them)
            arguments.addAll(arguments.size() - 1, List.of("--conf",
                    "spark.executor.extraJavaOptions=" + String.join(" ", jobJvmOptions)));
        }
        arguments.addAll(jobArguments);
        return arguments;
    }
}
