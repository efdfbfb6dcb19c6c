package lambdalab.course.batch;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The speed layer replacing a topic's raw files (after a restart it deletes its files from an
 * offset on and writes them again), made visible to the batch layer's listing.
 *
 * <p>A batch run lists a topic's hour folders one after the other and takes a file with offset
 * FROM as proof that every event of its partition below FROM was in place (see
 * {@link RawSnapshot}). A deletion running meanwhile breaks that proof: the run may see a newer
 * hour's file before it is deleted and an older hour after its files were. So the speed layer
 * creates {@link #MARKER} in the topic folder before it deletes anything and removes it once all is
 * deleted; a listing that began or ended with the marker present, or during which the topic
 * folder changed (the marker came or went), proves nothing about the topic's hours.
 */
public final class RawReplacement {

    /** Hidden from readers (a leading underscore), like Spark's own files. */
    static final String MARKER = "_replacing-files";

    private RawReplacement() {
    }

    /** What a listing notes about a topic folder before and after it lists it. */
    record State(boolean replacing, long folderModified) {
    }

    static State of(FileSystem fs, Path topicDir) throws IOException {
        return new State(fs.exists(new Path(topicDir, MARKER)), fs.getFileStatus(topicDir).getModificationTime());
    }

    /**
     * Before the speed layer deletes any of the topic's files. The marker is empty: a file without
     * a block is the NameNode's alone, so marking needs no DataNode, like the deletion it marks.
     */
    public static void begin(FileSystem fs, Path topicDir) throws IOException {
        fs.create(new Path(topicDir, MARKER), true).close();
    }

    /** Once every file to delete is deleted (also clears a marker a job that died while deleting left). */
    public static void end(FileSystem fs, Path topicDir) throws IOException {
        fs.delete(new Path(topicDir, MARKER), false);
    }
}
