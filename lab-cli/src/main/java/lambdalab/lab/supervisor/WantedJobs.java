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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The control files of the on-demand jobs, {@code $LAB_HOME/run/jobs/<job>.wanted}: the commands ask
 * for a job by writing its file and withdraw by deleting it; the supervisor runs a job exactly while
 * its file exists. Files, not a socket, so that asking works whether or not the supervisor is
 * listening right now, and a request outlives neither `lab down` nor a crashed supervisor (both
 * clear the files).
 *
 * <p>A request may carry a drill's arguments for the job, {@code <job>.drill} (one argument a line):
 * the supervisor passes them at every start of the job while the request stands, restarts after a
 * crash included; withdrawing the request deletes them, so the next start is the job as usual.
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

    /** Asks for the job with a drill's extra arguments (see the class comment); returns the request's text. */
    public String requestWithDrill(String job, List<String> arguments) {
        try {
            Files.createDirectories(dir);
            Files.write(drillFile(job), arguments);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + drillFile(job), e);
        }
        return request(job);
    }

    /** The drill's arguments the job's request carries, or none. */
    public List<String> drillArguments(String job) {
        try {
            return Files.readAllLines(drillFile(job)).stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + drillFile(job), e);
        }
    }

    private Path drillFile(String job) {
        return dir.resolve(job + ".drill");
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
            Files.deleteIfExists(drillFile(job));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file(job), e);
        }
    }

    /** Withdraws every request (the lab stops, or starts with its services only). */
    public void withdrawAll() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.{wanted,drill}")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear the job requests in " + dir, e);
        }
    }
}
