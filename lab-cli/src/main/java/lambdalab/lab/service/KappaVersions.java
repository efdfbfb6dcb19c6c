package lambdalab.lab.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import lambdalab.course.kappa.KappaChange;
import lambdalab.course.kappa.KappaVersion;
import lambdalab.lab.settings.LabSettings;
import lambdalab.lab.system.Directories;

/**
 * The Kappa versions this lab instance has, as folders of its data: {@code data/kappa/v2/} holds
 * the version's change (file {@code change}) and its Spark checkpoint. A version's folder is what
 * makes its job known to the supervisor; dropping the version deletes it.
 */
public final class KappaVersions {

    private static final String CHANGE_FILE = "change";

    private final Path root;

    public KappaVersions(LabSettings settings) {
        this.root = settings.dataDir().resolve("kappa");
    }

    /** Every version with a folder, oldest first. */
    public List<KappaVersion> all() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString())
                    .filter(name -> name.matches("v[1-9][0-9]{0,2}")).map(KappaVersion::parse).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + root, e);
        }
    }

    public boolean exists(KappaVersion version) {
        return Files.isDirectory(dir(version));
    }

    /** Makes the version's folder and records its change (a version's change never changes). */
    public void create(KappaVersion version, KappaChange change) {
        try {
            Files.createDirectories(dir(version));
            Files.writeString(dir(version).resolve(CHANGE_FILE), change.wireName() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir(version), e);
        }
    }

    /** The version's change; {@code none} for a folder without one. */
    public KappaChange change(KappaVersion version) {
        Path file = dir(version).resolve(CHANGE_FILE);
        try {
            return Files.isRegularFile(file) ? KappaChange.byName(Files.readString(file).strip()) : KappaChange.NONE;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** The version's checkpoint as a file: URI (a bare path would be taken as one on HDFS). */
    public String checkpoint(KappaVersion version) {
        return dir(version).resolve("checkpoint").toAbsolutePath().toUri().toString();
    }

    public Optional<Path> checkpointDir(KappaVersion version) {
        Path dir = dir(version).resolve("checkpoint");
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    /** Deletes the version's folder: its checkpoint and change. */
    public void delete(KappaVersion version) {
        Directories.deleteRecursively(dir(version));
    }

    private Path dir(KappaVersion version) {
        return root.resolve(version.label());
    }
}
