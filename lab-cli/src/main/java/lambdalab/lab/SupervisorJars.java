package lambdalab.lab;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import lambdalab.lab.system.LabProcesses;

/**
 * The classpath a supervisor runs with: the build's own jars (those inside the repository) as
 * copies in a store of the build, the dependencies' jars where they are. Why copies: `./lab`
 * rebuilds when a source changed, which rewrites those jars; a JVM that loads a class from a jar
 * replaced under it fails (NoClassDefFoundError), so a running lab, and the jobs it starts with its
 * own classpath, would break at its next new class. With the copy a running lab keeps the code it
 * started with, until `./lab down` and `./lab up`.
 *
 * <p>A copy is named by its content ({@code lab-cli-<hash>.jar}) and never rewritten: every home of
 * the same build runs on the very same files, so the class archive of one supervisor (which the JVM
 * ties to its jars' paths, sizes and times) serves the next home's too. A copy no running process
 * uses is deleted when another copy of its jar is made.
 *
 * <p>A class folder of the build (a lab started by the tests runs on {@code target/classes}) is
 * packed into a jar there, for the same reason, and because the JVM archives classes for a faster
 * start (class-data sharing) only from a classpath of jars.
 */
final class SupervisorJars {

    private SupervisorJars() {
    }

    /** Returns {@code classpath} with the repository's jars and class folders replaced by their copies in {@code store}. */
    static String copy(String classpath, Path repository, Path store) {
        try {
            Files.createDirectories(store);
            List<String> entries = new ArrayList<>();
            for (String entry : classpath.split(File.pathSeparator)) {
                Path path = Path.of(entry).toAbsolutePath().normalize();
                boolean own = path.startsWith(repository.toAbsolutePath().normalize());
                if (own && entry.endsWith(".jar")) {
                    entries.add(keep(path, stem(path.getFileName().toString()), store).toString());
                } else if (own && Files.isDirectory(path)) {
                    String name = repository.toAbsolutePath().normalize().relativize(path).toString()
                            .replace(File.separatorChar, '-');
                    entries.add(keep(pack(path, store), name, store).toString());
                } else {
                    entries.add(entry);
                }
            }
            return String.join(File.pathSeparator, entries);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the lab's jars into " + store, e);
        }
    }

    /**
     * The store's copy of {@code jar} ({@code <name>-<hash of its content>.jar}), made unless it exists;
     * a packed temporary jar is moved there or deleted. Making one deletes the unused copies of its name.
     */
    private static Path keep(Path jar, String name, Path store) throws IOException {
        Path copy = store.resolve(name + "-" + contentHash(jar) + ".jar");
        boolean packed = jar.startsWith(store);
        if (Files.exists(copy)) {
            if (packed) {
                Files.delete(jar);
            }
            return copy;
        }
        Path partial = packed ? jar : Files.copy(jar, store.resolve(copy.getFileName() + "." + ProcessHandle.current().pid()
                + ".part"), StandardCopyOption.REPLACE_EXISTING);
        try {
            Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.delete(partial); // another lab made the same copy meanwhile
        }
        deleteUnused(store, name, copy);
        return copy;
    }

    /** The copies of {@code name} other than {@code current} that no live process has on its command line. */
    private static void deleteUnused(Path store, String name, Path current) throws IOException {
        List<String> commandLines = ProcessHandle.allProcesses().map(LabProcesses::commandLine).toList();
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(store, name + "-*.jar")) {
            for (Path other : copies) {
                boolean sameJar = other.getFileName().toString().substring(name.length() + 1).matches("[0-9a-f]+\\.jar");
                if (sameJar && !other.equals(current) && commandLines.stream().noneMatch(line -> line.contains(other.toString()))) {
                    Files.deleteIfExists(other);
                }
            }
        }
    }

    /** A temporary jar in {@code store} of a class folder's files, in a fixed order with their own times: the same files give the same jar. */
    private static Path pack(Path classes, Path store) throws IOException {
        Path jar = store.resolve("packing." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".part");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                JarEntry entry = new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/'));
                entry.setTime(Files.getLastModifiedTime(file).toMillis());
                out.putNextEntry(entry);
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static String contentHash(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    private static String stem(String fileName) {
        return fileName.substring(0, fileName.length() - ".jar".length());
    }
}
