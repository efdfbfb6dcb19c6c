package lambdalab.course.clickstream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * Feeds the folder a Spark file stream ({@code textFileStream}) watches, the way such a source must
 * be fed: each file is written completely elsewhere, given the current time as its modification
 * time, and moved in under a new name in one atomic rename, a few files per second.
 *
 * <p>Why each step: the stream lists the folder once per batch and reads every new file whole, so a
 * file still being written would be read half; it picks files by modification time, so a file moved
 * in with its old time (a rename keeps it) is silently ignored; and it remembers names, so a name it
 * saw before is never read again.
 */
public final class FileStreamFeed {

    private final Path folder;
    private int filesDropped;

    /** A feed into {@code folder} (created if missing). */
    public FileStreamFeed(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the watched folder " + folder, e);
        }
    }

    /**
     * Generates {@code settings}' events into files of {@code settings.recordsPerFile()} lines, adds
     * each event to {@code truth}, and moves the files into the folder at {@code filesPerSecond}.
     *
     * @return the number of files moved in
     */
    public int feed(GeneratorSettings settings, GroundTruth truth, int filesPerSecond) throws InterruptedException {
        Path staging = createStaging();
        try {
            try (TeeSink sink = TeeSink.of(FileSink.of(staging, settings), truth)) {
                new ClickstreamGenerator(settings).writeTo(sink);
            }
            List<Path> files = published(staging);
            for (Path file : files) {
                drop(file);
                Thread.sleep(1000L / filesPerSecond);
            }
            return files.size();
        } finally {
            deleteFolder(staging);
        }
    }

    /** How many files this feed moved in so far. */
    public int filesDropped() {
        return filesDropped;
    }

    private void drop(Path file) {
        Path target = folder.resolve(String.format("drop-%05d.tsv", filesDropped));
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + file + " into the watched folder as " + target, e);
        }
        filesDropped++;
    }

    /** Beside the watched folder: on the same file system, so that the move is a rename. */
    private Path createStaging() {
        try {
            return Files.createTempDirectory(folder.toAbsolutePath().getParent(), ".staging-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging folder beside " + folder, e);
        }
    }

    private static List<Path> published(Path staging) {
        try (Stream<Path> files = Files.list(staging)) {
            return files.filter(file -> !file.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + staging, e);
        }
    }

    private static void deleteFolder(Path staging) {
        try (Stream<Path> files = Files.walk(staging)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + staging, e);
        }
    }
}
