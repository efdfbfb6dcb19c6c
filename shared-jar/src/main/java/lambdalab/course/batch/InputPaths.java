package lambdalab.course.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.SparkSession;

/** Looks at an input path before Spark does, so a missing or empty input gets a clear message. */
final class InputPaths {
    private InputPaths() {
    }

    /** Whether {@code path} (a file or a folder, searched recursively) holds a non-empty data file. */
    static boolean hasFiles(SparkSession spark, String path, String suffix) {
        Path root = new Path(path);
        try {
            return firstFile(root.getFileSystem(spark.sparkContext().hadoopConfiguration()), root, suffix).isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot look at " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * The name of the first non-empty data file under {@code root} whose name ends with
     * {@code suffix}: hidden files (being written, or Spark's) do not count.
     */
    static Optional<String> firstFile(FileSystem fs, Path root, String suffix) throws IOException {
        if (!fs.exists(root)) {
            return Optional.empty();
        }
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
        while (files.hasNext()) {
            LocatedFileStatus file = files.next();
            String name = file.getPath().getName();
            boolean hidden = name.startsWith(".") || name.startsWith("_");
            if (!hidden && file.getLen() > 0 && name.endsWith(suffix)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }
}
