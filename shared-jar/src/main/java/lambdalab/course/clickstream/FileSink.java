package lambdalab.course.clickstream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes events as TSV files of {@code recordsPerFile} lines, {@code part-00000.tsv},
 * {@code part-00001.tsv}, ..., one line per event, each ending in {@code \n}.
 *
 * <p>A Spark file stream picks up every new file it sees in the directory, so a file must appear
 * complete or not at all: each file is written under a hidden name ({@code .part-00000.tsv.tmp};
 * Spark and Hadoop skip names starting with a dot) and renamed atomically once full. The last
 * file may be shorter; it is published by {@link #close()}. Numbering simply continues when a
 * run has more events than {@code files * recordsPerFile}. An existing file of the same name is
 * replaced.
 */
public final class FileSink implements EventSink {

    private static final int BUFFER_CHARS = 1 << 16;

    private final Path directory;
    private final int recordsPerFile;
    private int fileNumber;
    private int linesInFile;
    private Writer writer;

    /**
     * A sink writing into {@code directory} (created if missing).
     *
     * @throws UncheckedIOException if the directory cannot be created
     */
    public FileSink(Path directory, int recordsPerFile) {
        if (recordsPerFile < 1) {
            throw new IllegalArgumentException("recordsPerFile must be at least 1, got " + recordsPerFile);
        }
        this.directory = directory;
        this.recordsPerFile = recordsPerFile;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output directory " + directory, e);
        }
    }

    /** A sink with the run's {@code recordsPerFile}. */
    public static FileSink of(Path directory, GeneratorSettings settings) {
        return new FileSink(directory, settings.recordsPerFile());
    }

    /** The published name of file {@code number}: {@code part-00042.tsv}. */
    public static String fileName(int number) {
        return String.format("part-%05d.tsv", number);
    }

    /** The hidden name a file has while it is being written: {@code .part-00042.tsv.tmp}. */
    public static String tempFileName(int number) {
        return "." + fileName(number) + ".tmp";
    }

    /** How many files have been published so far. */
    public int filesPublished() {
        return fileNumber;
    }

    @Override
    public void accept(ClickEvent event, String encodedLine) {
        try {
            if (writer == null) {
                writer = openTempFile();
            }
            writer.write(encodedLine);
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + directory.resolve(tempFileName(fileNumber)), e);
        }
        if (++linesInFile == recordsPerFile) {
            publish();
        }
    }

    /** Flushes the file being written; it stays hidden until full or closed. */
    @Override
    public void flush() {
        if (writer == null) {
            return;
        }
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot flush " + directory.resolve(tempFileName(fileNumber)), e);
        }
    }

    /** Publishes the last, partly filled file, if any. */
    @Override
    public void close() {
        if (writer != null) {
            publish();
        }
    }

    private Writer openTempFile() throws IOException {
        Path temp = directory.resolve(tempFileName(fileNumber));
        return new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8), BUFFER_CHARS);
    }

    /** Closes the current temp file and renames it to its final name in one atomic step. */
    private void publish() {
        Path temp = directory.resolve(tempFileName(fileNumber));
        Path target = directory.resolve(fileName(fileNumber));
        try {
            writer.close();
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + temp + " as " + target, e);
        } finally {
            writer = null;
        }
        fileNumber++;
        linesInFile = 0;
    }
}
