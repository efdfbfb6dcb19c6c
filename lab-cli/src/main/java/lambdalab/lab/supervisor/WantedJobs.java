package lambdalab.lab.supervisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The control files of the on-demand jobs, {@code $LAB_HOME/run/jobs/<job>.wanted}: the commands ask
 * for a job by writing its file and withdraw by deleting it; the supervisor runs a job exactly while
 * its file exists. Files, not a socket, so that asking works whether or not the supervisor is
 * listening right now, and a request outlives neither `lab down` nor a crashed supervisor (both
 * clear the files).
 *
 * <p>Each request writes a new text (when and by whom), so the supervisor can tell a new request
 * from the one it already answered, and a command can see that its own request was taken up. A file
 * created by hand ({@code touch}) counts as a request too.
 */
public record WantedJobs(Path dir) {

    public static WantedJobs in(Path runDir) {
        return new WantedJobs(runDir.resolve("jobs"));
    }

    public Path file(String job) {
        return dir.resolve(job + ".wanted");
    }

    /** Asks for the job; returns this request's text, which the supervisor reports once it serves it. */
    public String request(String job) {
        // the random part keeps two requests of one process within one clock tick apart
        String request = "requested at " + Instant.now() + " by PID " + ProcessHandle.current().pid()
                + " (" + UUID.randomUUID().toString().substring(0, 8) + ")";
        Path target = file(job);
        Path temp = dir.resolve(job + ".wanted.tmp");
        try {
            Files.createDirectories(dir);
            Files.writeString(temp, request + "\n");
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
        return request;
    }

    /** The job's current request, or empty when it is not wanted. */
    public Optional<String> current(String job) {
        try {
            return Optional.of(Files.readString(file(job)).strip());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file(job), e);
        }
    }

    public void withdraw(String job) {
        try {
            Files.deleteIfExists(file(job));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file(job), e);
        }
    }

    /** Withdraws every request (the lab stops, or starts with its services only). */
    public void withdrawAll() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.wanted")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear the job requests in " + dir, e);
        }
    }
}
