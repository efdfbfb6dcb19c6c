package lambdalab.lab.service;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Application class-data sharing for a service JVM (JDK 17 dynamic archives): the first run that
 * stops cleanly writes the classes it loaded to an archive; later starts, in any lab home, map it
 * instead of loading and verifying thousands of classes again (most of a service's start-up CPU).
 *
 * <p>The archive's name carries a hash of the classpath, main class and JVM options, so a rebuilt
 * or reconfigured service makes a new one instead of being refused an outdated one. Each lab home
 * writes its own {@code .new} file and a later start promotes the first complete one, so two labs
 * never write the same file and a killed JVM never leaves a half-written archive in use (the JVM
 * also validates an archive and ignores one that does not fit).
 */
final class ClassDataSharing {

    private final Path archive;
    private final Path pending;

    ClassDataSharing(Path dir, String serviceName, String key, String writerId) {
        String file = serviceName + "-" + Integer.toHexString(key.hashCode()) + ".jsa";
        this.archive = dir.resolve(file);
        this.pending = dir.resolve(file + "." + Integer.toHexString(writerId.hashCode()) + ".new");
    }

    /**
     * The classpath with each entry's size and modification time: the JVM refuses an archive once a
     * jar changed, so a rebuilt jar must lead to a new archive name.
     */
    static String describe(List<String> classpath) {
        StringBuilder description = new StringBuilder();
        for (String entry : classpath) {
            File file = new File(entry);
            description.append(entry).append('@').append(file.length()).append('/').append(file.lastModified()).append(';');
        }
        return description.toString();
    }

    List<String> options() {
        // the dump lists every class it cannot archive (old bytecode, signed jars): only errors matter
        return Files.isRegularFile(archive)
                ? List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=error")
                : List.of("-XX:ArchiveClassesAtExit=" + pending, "-Xlog:cds*=error");
    }

    /** Makes a complete archive that a previous run wrote the one in use. */
    void promoteNewArchive() {
        try {
            Files.createDirectories(archive.getParent());
            if (Files.exists(archive)) {
                return;
            }
            try (DirectoryStream<Path> written = Files.newDirectoryStream(archive.getParent(),
                    archive.getFileName() + ".*.new")) {
                for (Path candidate : written) {
                    if (Files.size(candidate) > 0 && promote(candidate)) {
                        return;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the class archive " + archive, e);
        }
    }

    private boolean promote(Path candidate) throws IOException {
        try {
            Files.move(candidate, archive, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (FileAlreadyExistsException e) {
            return true; // another lab promoted one first
        }
    }
}
