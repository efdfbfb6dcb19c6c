package lambdalab.lab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.function.Consumer;
import lambdalab.course.LabEndpoints;
import lambdalab.course.batch.MissingInputException;
import lambdalab.course.spark.LabSpark;
import org.apache.hadoop.fs.Path;

/**
 * Where `lab batch --input PATH` reads. A path with a scheme (hdfs://, file://) is taken as it is.
 * A bare path is on the lab's HDFS (Spark's default file system) unless only this machine has it:
 * the folder `lab generate --to files --out DIR` just wrote is local, and a learner passes it as is.
 */
final class BatchInputPath {

    private BatchInputPath() {
    }

    /** The path to read, with file:// when the bare path exists only on this machine. */
    static String resolve(String input, LabEndpoints endpoints, Consumer<String> progress) {
        if (input.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            return input;
        }
        Path onHdfs = new Path(input);
        java.nio.file.Path local = java.nio.file.Path.of(input).toAbsolutePath().normalize();
        try {
            var hdfs = onHdfs.getFileSystem(LabSpark.hadoopConfiguration(endpoints));
            if (hdfs.exists(onHdfs)) {
                return input;
            }
            if (Files.exists(local)) {
                progress.accept("Reading " + local + " from this machine (the lab's HDFS has no " + input + ").");
                return local.toUri().toString();
            }
            throw new MissingInputException("No input at " + input + ": neither on the lab's HDFS ("
                    + hdfs.makeQualified(onHdfs) + ") nor on this machine (" + local + "). Check the path: "
                    + "`./lab batch load` writes raw events to the lab's HDFS, `./lab generate --to files --out DIR` "
                    + "TSV files to a local DIR.");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot look for " + input + " on the lab's HDFS: " + e.getMessage(), e);
        }
    }
}
