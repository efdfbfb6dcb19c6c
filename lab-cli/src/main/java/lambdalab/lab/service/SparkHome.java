package lambdalab.lab.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The SPARK_HOME of the lab's standalone cluster, in the instance home ({@code $LAB_HOME/spark}),
 * built from the jars Maven resolved for services/spark: nothing is downloaded.
 *
 * <p>A worker starts each executor with Spark's own launcher code, which takes the executor's
 * classpath from a Spark distribution's layout: a {@code RELEASE} file marks a distribution,
 * {@code jars/} holds its jars (here links to the Maven repository's) and {@code conf/} goes on the
 * classpath too (here the executors' logging config).
 */
public final class SparkHome {

    private static final Pattern SPARK_CORE = Pattern.compile("spark-core_[0-9.]+-([0-9][^/]*)\\.jar$");
    /** The master and the workers prepare at once and share the folder: one at a time. */
    private static final Object LOCK = new Object();

    private final Path dir;

    public SparkHome(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path jarsDir() {
        return dir.resolve("jars");
    }

    public Path confDir() {
        return dir.resolve("conf");
    }

    /**
     * Makes the folder match {@code classpath}: a link in {@code jars/} per jar, links to jars no
     * longer on it removed. Links that are already right are left alone, so executors starting on
     * a running worker meanwhile never miss a jar.
     *
     * @param executorLogging the executors' {@code log4j2.properties}
     */
    public void prepare(List<String> classpath, String executorLogging) {
        synchronized (LOCK) {
            try {
                Files.createDirectories(jarsDir());
                Files.createDirectories(confDir());
                Set<String> wanted = new HashSet<>();
                for (String entry : classpath) {
                    Path jar = Path.of(entry).toAbsolutePath();
                    if (!entry.endsWith(".jar") || !Files.isRegularFile(jar)) {
                        continue;
                    }
                    Path link = jarsDir().resolve(jar.getFileName());
                    wanted.add(link.getFileName().toString());
                    if (!Files.isSymbolicLink(link) || !Files.readSymbolicLink(link).equals(jar)) {
                        Files.deleteIfExists(link);
                        Files.createSymbolicLink(link, jar);
                    }
                }
                try (Stream<Path> links = Files.list(jarsDir())) {
                    for (Path link : links.toList()) {
                        if (!wanted.contains(link.getFileName().toString())) {
                            Files.delete(link);
                        }
                    }
                }
                Files.writeString(confDir().resolve("log4j2.properties"), executorLogging);
                Files.writeString(dir.resolve("RELEASE"), "Spark " + sparkVersion(classpath)
                        + " for Lambda Lab: links to the jars Maven resolved for services/spark (not a download)\n");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot build the Spark home " + dir, e);
            }
        }
    }

    /** What a Spark worker needs in its environment to launch executors from this home. */
    public Map<String, String> environment() {
        return Map.of("SPARK_HOME", dir.toString(),
                // Spark's launcher otherwise looks for a source build's folders to learn it
                "SPARK_SCALA_VERSION", "2.13");
    }

    /** The Spark version, from the spark-core jar's name. */
    static String sparkVersion(List<String> classpath) {
        for (String entry : classpath) {
            Matcher matcher = SPARK_CORE.matcher(entry);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new ServiceException("services/spark's classpath holds no spark-core jar: rebuild with "
                + "./mvnw -q package -DskipTests.");
    }
}
