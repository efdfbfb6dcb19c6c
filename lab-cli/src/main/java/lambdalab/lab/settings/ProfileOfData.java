package lambdalab.lab.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The profile a home's data was made with ({@code data/profile}). A single node's Kafka storage
 * knows one controller and its Cassandra one node; started as a cluster (or the other way round) they
 * would fail in confusing ways, so a start with another profile is refused before anything runs.
 */
public final class ProfileOfData {

    private ProfileOfData() {
    }

    /** The profile of the data in this home; homes from before the profiles existed are single-node. */
    public static Optional<Profile> read(LabSettings settings) {
        Path file = file(settings);
        try {
            if (Files.isRegularFile(file)) {
                return Optional.of(Profile.parse(Files.readString(file).trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        boolean hasData = List.of("kafka", "cassandra", "hdfs").stream()
                .anyMatch(service -> Files.isDirectory(settings.dataDir().resolve(service)));
        return hasData ? Optional.of(Profile.SINGLE) : Optional.empty();
    }

    /** Records the settings' profile as the data's, before the services make any. */
    public static void write(LabSettings settings) {
        Path file = file(settings);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, settings.profile().settingValue() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static Path file(LabSettings settings) {
        return settings.dataDir().resolve("profile");
    }
}
