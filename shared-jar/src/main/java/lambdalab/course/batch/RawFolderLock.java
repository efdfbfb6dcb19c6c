package lambdalab.course.batch;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One hour folder of the raw dataset held by one writer that replaces files in it: the batch
 * layer's compaction, or the speed layer deleting a batch's files from an offset on before it reads
 * them again. Without it, a compaction could merge files the speed layer is deleting and bring
 * their events back beside the replayed copies.
 *
 * <p>The lock is a hidden file ({@code _replacing.lock}) created only if absent, which the
 * NameNode decides atomically. A holder keeps it for seconds (a long merge refreshes it); one left
 * by a JVM that died is taken over once it is older than {@link #STALE}.
 */
public final class RawFolderLock implements AutoCloseable {

    static final Duration STALE = Duration.ofMinutes(2);
    private static final String NAME = "_replacing.lock";
    private static final long PAUSE_MS = 100;

    private final FileSystem fs;
    private final Path file;

    private RawFolderLock(FileSystem fs, Path file) {
        this.fs = fs;
        this.file = file;
    }

    /** Waits until this JVM holds the folder; {@code holder} says who it is in the lock file. */
    public static RawFolderLock acquire(FileSystem fs, Path folder, String holder) throws IOException {
        Path file = new Path(folder, NAME);
        Instant waitingSince = Instant.now();
        boolean reported = false;
        while (true) {
            try (FSDataOutputStream out = fs.create(file, false)) {
                out.write((holder + " (pid " + ManagementFactory.getRuntimeMXBean().getPid() + ") since "
                        + Instant.now()).getBytes(StandardCharsets.UTF_8));
                return new RawFolderLock(fs, file);
            } catch (FileAlreadyExistsException taken) { // HDFS's client unwraps the NameNode's answer to it
                takeOverIfStale(fs, file);
                if (!reported && Duration.between(waitingSince, Instant.now()).toSeconds() >= 5) {
                    System.out.println("Waiting for " + file + ": another writer replaces files in this folder.");
                    reported = true;
                }
                pause();
            }
        }
    }

    private static void takeOverIfStale(FileSystem fs, Path file) throws IOException {
        try {
            FileStatus status = fs.getFileStatus(file);
            if (Instant.ofEpochMilli(status.getModificationTime()).isBefore(Instant.now().minus(STALE))) {
                System.out.println("Taking over " + file + ": its holder left it " + STALE.toMinutes()
                        + "+ minutes ago (a JVM that died).");
                fs.delete(file, false);
            }
        } catch (FileNotFoundException released) {
            // released meanwhile: the next attempt takes it
        }
    }

    private static void pause() throws InterruptedIOException {
        try {
            Thread.sleep(PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a raw folder's lock");
        }
    }

    /** Tells waiters the holder is alive: a lock is stale {@link #STALE} after its last refresh. */
    public void refresh() throws IOException {
        fs.setTimes(file, System.currentTimeMillis(), -1);
    }

    @Override
    public void close() throws IOException {
        fs.delete(file, false);
    }
}
