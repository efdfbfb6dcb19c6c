package lambdalab.lab.service;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Application class-data sharing for a lab JVM (JDK 17 dynamic archives): the first run that stops
 * cleanly writes the classes it loaded to an archive; later starts map it instead of loading and
 * verifying thousands of classes again, which is most of a service's start-up CPU.
 *
 * <p>Archives live in the instance home ({@code $LAB_HOME/cds}: a reset or a temporary test home
 * takes them along). An archive's name carries a hash of what it was made from (classpath with each
 * jar's size and time, main class, JVM options), so a rebuilt or reconfigured JVM makes a new one
 * instead of being refused an outdated one; older archives of the same JVM are then deleted. A run
 * writes to {@code .new} and the next start promotes it, so a killed JVM never leaves a half-written
 * archive in use (the JVM also validates an archive and ignores one that does not fit).
 */
public final class ClassDataSharing {

    private final Path dir;
    private final String name;
    private final Path archive;
    private final Path pending;

    /** @param name which JVM (e.g. {@code kafka}); @param key what the archive is made from */
    public ClassDataSharing(Path dir, String name, String key) {
        this.dir = dir;
        this.name = name;
        this.archive = dir.resolve(name + "-" + Integer.toHexString(key.hashCode()) + ".jsa");
        this.pending = archive.resolveSibling(archive.getFileName() + ".new");
    }

    /**
     * The classpath with each entry's size and modification time: the JVM refuses an archive once a
     * jar changed, so a rebuilt jar must lead to a new archive name. (Only jars can be archived:
     * callers keep folders off such classpaths.)
     */
    public static String describe(List<String> classpath) {
        StringBuilder description = new StringBuilder();
        for (String entry : classpath) {
            File file = new File(entry);
            description.append(entry).append('@').append(file.length()).append('/').append(file.lastModified()).append(';');
        }
        return description.toString();
    }

    /** Whether a JVM on this classpath can have an archive: the JVM cannot archive classes from folders. */
    public static boolean canArchive(List<String> classpath) {
        return classpath.stream().allMatch(entry -> entry.endsWith(".jar"));
    }

    /** JVM options that map the archive, or write it at exit when there is none yet. */
    public List<String> options() {
        // the dump lists every class it cannot archive (old bytecode, signed jars): only errors matter
        return Files.isRegularFile(archive)
                ? List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=error")
                : List.of("-XX:ArchiveClassesAtExit=" + pending, "-Xlog:cds*=error");
    }

    /** Makes the archive a previous run wrote the one in use, and drops outdated ones. */
    public void promoteNewArchive() {
        try {
            Files.createDirectories(dir);
            if (!Files.exists(archive) && Files.isRegularFile(pending) && Files.size(pending) > 0) {
                Files.move(pending, archive, StandardCopyOption.ATOMIC_MOVE);
            }
            deleteOutdated();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the class archive " + archive, e);
        }
    }

    private void deleteOutdated() throws IOException {
        try (DirectoryStream<Path> archives = Files.newDirectoryStream(dir, name + "-*.jsa*")) {
            for (Path other : archives) {
                boolean current = other.equals(archive) || other.equals(pending);
                // "kafka-*" must not match the archives of kafka's tools ("kafka-kafka.tools...-*")
                boolean sameJvm = other.getFileName().toString().substring(name.length() + 1).matches("[0-9a-f]+\\.jsa.*");
                if (!current && sameJvm) {
                    Files.deleteIfExists(other);
                }
            }
        }
    }
}
