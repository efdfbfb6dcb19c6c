package lambdalab.course.speed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** The speed layer's checkpoint folder on HDFS: is there one, and moving an unreadable one aside. */
final class Checkpoints {

    private Checkpoints() {
    }

    /** Whether Spark wrote a checkpoint there ({@code checkpoint-<time>} files). */
    static boolean exist(Configuration conf, String dir) {
        Path path = new Path(dir);
        try {
            FileSystem fs = path.getFileSystem(conf);
            if (!fs.exists(path)) {
                return false;
            }
            for (FileStatus file : fs.listStatus(path)) {
                if (file.getPath().getName().startsWith("checkpoint-")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot look at the checkpoint folder " + dir
                    + " (is HDFS running? ./lab status): " + e.getMessage(), e);
        }
    }

    /** Renames the folder to {@code <dir>.aside-<time>} (kept for inspection); returns the new name. */
    static String moveAside(Configuration conf, String dir) {
        Path path = new Path(dir);
        Path aside = new Path(dir + ".aside-" + Instant.now().toEpochMilli());
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
