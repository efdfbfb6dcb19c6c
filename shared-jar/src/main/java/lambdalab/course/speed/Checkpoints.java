package lambdalab.course.speed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;

/**
 * The speed layer's checkpoint folder on HDFS: is there one and how old is it, closing what a dead
 * driver left open in it, and moving an unusable one aside.
 */
public final class Checkpoints {

    /** Spark's driver-side write-ahead log, which it keeps open from batch to batch. */
    private static final String WRITE_AHEAD_LOG = "receivedBlockMetadata";
    private static final Duration LEASE_RECOVERY = Duration.ofSeconds(60);
    /** Spark's names: {@code checkpoint-<batch time ms>}, and a {@code .bk} copy of the previous one. */
    private static final Pattern CHECKPOINT_FILE = Pattern.compile("checkpoint-(\\d+)(\\.bk)?");

    private Checkpoints() {
    }

    /**
     * Closes the checkpoint's files that a driver which died while writing them left open. Spark
     * writes its write-ahead log (in {@code receivedBlockMetadata/}, one file a minute) with every
     * batch even for a direct Kafka stream, and reads it back when it starts from the checkpoint. A
     * file still open for the dead driver is readable as long as the DataNode holding its last
     * block keeps it; after a DataNode restart (the drill that found it: the job stopped on the
     * failed raw write, as it must) its length cannot be read until HDFS recovers the block, which
     * it only does by itself after the lease's hard limit (20 minutes or more). Only one speed
     * layer writes a checkpoint, so taking over the dead one's leases is safe.
     */
    static void closeLeftOpenFiles(Configuration conf, String dir) {
        Path path = new Path(dir);
        try {
            if (!(path.getFileSystem(conf) instanceof DistributedFileSystem hdfs)) {
                return;
            }
            List<Path> open = openFiles(hdfs, path);
            for (Path file : open) {
                hdfs.recoverLease(file);
            }
            Instant deadline = Instant.now().plus(LEASE_RECOVERY);
            for (Path file : open) {
                while (!hdfs.isFileClosed(file)) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IOException("HDFS did not close " + file + " within " + LEASE_RECOVERY.toSeconds()
                                + " s (is its DataNode up? ./lab status)");
                    }
                    pause();
                }
            }
            if (!open.isEmpty()) {
                System.out.println("Closed " + open.size() + " checkpoint file(s) a stopped run had left open: " + open);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the files left open in the checkpoint " + dir, e);
        }
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while HDFS recovers the files' leases", e);
        }
    }

    private static List<Path> openFiles(DistributedFileSystem hdfs, Path dir) throws IOException {
        List<Path> open = new ArrayList<>();
        for (Path folder : List.of(dir, new Path(dir, WRITE_AHEAD_LOG))) {
            if (!hdfs.exists(folder)) {
                continue;
            }
            for (FileStatus file : hdfs.listStatus(folder)) {
                if (file.isFile() && !hdfs.isFileClosed(file.getPath())) {
                    open.add(file.getPath());
                }
            }
        }
        return open;
    }

    /** Whether Spark wrote a checkpoint there ({@code checkpoint-<time>} files). */
    static boolean exist(Configuration conf, String dir) {
        return newest(conf, dir).isPresent();
    }

    /** The batch time of the newest checkpoint Spark wrote there ({@code checkpoint-<ms>[.bk]}), if any. */
    public static Optional<Instant> newest(Configuration conf, String dir) {
        Path path = new Path(dir);
        try {
            FileSystem fs = path.getFileSystem(conf);
            if (!fs.exists(path)) {
                return Optional.empty();
            }
            Optional<Instant> newest = Optional.empty();
            for (FileStatus file : fs.listStatus(path)) {
                Matcher name = CHECKPOINT_FILE.matcher(file.getPath().getName());
                if (name.matches()) {
                    Instant time = Instant.ofEpochMilli(Long.parseLong(name.group(1)));
                    newest = newest.filter(other -> other.isAfter(time)).or(() -> Optional.of(time));
                }
            }
            return newest;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot look at the checkpoint folder " + dir
                    + " (is HDFS running? ./lab status): " + e.getMessage(), e);
        }
    }

    /**
     * How many batches Spark would run before any new one when it restarts from a checkpoint of
     * batch time {@code newest}: one for every interval up to {@code now}, empty or not.
     */
    public static long missedBatches(Instant newest, Instant now, long batchIntervalMs) {
        return Math.max(0, Duration.between(newest, now).toMillis() / batchIntervalMs);
    }

    /** Renames the folder to {@code <dir>.aside-<time>} (kept for inspection); returns the new name. */
    public static String moveAside(Configuration conf, String dir) {
        Path path = new Path(dir);
        // a sibling: "dir/" + ".aside-..." would name a folder inside it
        Path aside = new Path(path.getParent(), path.getName() + ".aside-" + Instant.now().toEpochMilli());
        try {
            if (!path.getFileSystem(conf).rename(path, aside)) {
                throw new IOException("rename returned false");
            }
            return aside.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move the unreadable checkpoint " + dir + " aside", e);
        }
    }
}
