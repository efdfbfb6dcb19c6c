package lambdalab.lab;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The classpath a supervisor runs with: the build's own jars (those inside the repository) copied
 * into the lab's run folder, the dependencies' jars where they are. Why: `./lab` rebuilds when a
 * source changed, which rewrites those jars; a JVM that loads a class from a jar replaced under it
 * fails (NoClassDefFoundError), so a running lab, and the stream job it starts with its own
 * classpath, would break at its next new class. With the copy a running lab keeps the code it
 * started with, until `./lab down` and `./lab up`.
 *
 * <p>A class folder of the build (a lab started by the tests runs on {@code target/classes}) is
 * packed into a jar there, for the same reason, and because the JVM archives classes for a faster
 * start (class-data sharing) only from a classpath of jars.
 */
final class SupervisorJars {

    private SupervisorJars() {
    }

    /**
     * Copies the repository's jars of {@code classpath} into {@code folder} (emptied first: no
     * supervisor of this lab runs while one is being started) and returns the classpath with them.
     */
    static String copy(String classpath, Path repository, Path folder) {
        try {
            deleteFolder(folder);
            Files.createDirectories(folder);
            List<String> entries = new ArrayList<>();
            for (String entry : classpath.split(File.pathSeparator)) {
                Path path = Path.of(entry).toAbsolutePath().normalize();
                boolean own = path.startsWith(repository.toAbsolutePath().normalize());
                if (own && entry.endsWith(".jar")) {
                    Path copy = folder.resolve(path.getFileName());
                    Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                    entries.add(copy.toString());
                } else if (own && Files.isDirectory(path)) {
                    entries.add(pack(path, repository, folder).toString());
                } else {
                    entries.add(entry);
                }
            }
            return String.join(File.pathSeparator, entries);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the lab's jars into " + folder, e);
        }
    }

    /** A jar in {@code folder} of a class folder's files, named after where it is (lab-cli-target-classes.jar). */
    private static Path pack(Path classes, Path repository, Path folder) throws IOException {
        String name = repository.toAbsolutePath().normalize().relativize(classes).toString().replace(File.separatorChar, '-');
        Path jar = folder.resolve(name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
