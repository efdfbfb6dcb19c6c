package lambdalab.course.exercises;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where exercise and check results are written for {@code ./lab progress}: one tab-separated line
 * per result, appended (a line is shorter than the atomic append size, so a note and an IDE test
 * writing at once do not mix lines). The file is the system property {@value #PROPERTY}; the
 * notebook interpreter sets it to {@code $LAB_HOME/progress.tsv}, the exercises module's tests to
 * the default lab's. Without it nothing is written.
 */
public final class ProgressLog {

    public static final String PROPERTY = "lab.progress.file";

    /** What a line records. */
    public enum Result {
        /** the learner's implementation passed its check */
        SOLVED,
        /** not attempted: the reference solution ran and passed */
        SOLUTION_RAN,
        /** the learner's implementation failed its check */
        WRONG,
        /** a check paragraph of a note passed */
        PASSED,
        /** a check paragraph of a note failed */
        FAILED
    }

    /** One result: module, what (exercise id or check text), where it ran (note or IDE). */
    public record Entry(Instant at, int module, String what, Result result, String where, String detail) {

        String line() {
            return String.join("\t", at.toString(), Integer.toString(module), clean(what), result.name(), clean(where),
                    clean(detail)) + "\n";
        }

        static Optional<Entry> parse(String line) {
            String[] fields = line.split("\t", -1);
            if (fields.length != 6) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Entry(Instant.parse(fields[0]), Integer.parseInt(fields[1]), fields[2],
                        Result.valueOf(fields[3]), fields[4], fields[5]));
            } catch (RuntimeException unreadable) {
                return Optional.empty(); // a line cut short by a killed writer: the others still count
            }
        }

        private static String clean(String text) {
            String flat = text == null ? "" : text.replaceAll("[\\t\\r\\n]+", " ");
            return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
        }
    }

    /** The note whose paragraphs run now (the interpreter says), for the module of its check paragraphs. */
    private static volatile String noteInProgress = "";

    private ProgressLog() {
    }

    /** Called by the interpreter before each paragraph: the name of its note. */
    public static void noteInProgress(String noteName) {
        noteInProgress = noteName == null ? "" : noteName;
    }

    /**
     * Records a check paragraph's result under the module of the note in progress; nothing outside
     * a course note (a terminal shell, a note of the learner's own).
     */
    public static void recordCheck(String what, boolean passed, String detail) {
        int module = CourseModules.ofNote(noteInProgress);
        if (module > 0) {
            record(new Entry(Instant.now(), module, what, passed ? Result.PASSED : Result.FAILED, "note", detail));
        }
    }

    /** The file results go to, if one is set. */
    public static Optional<Path> file() {
        String file = System.getProperty(PROPERTY, "");
        return file.isBlank() ? Optional.empty() : Optional.of(Path.of(file));
    }

    /** Appends the entry to the progress file, if one is set; a file that cannot be written only warns. */
    public static void record(Entry entry) {
        Optional<Path> file = file();
        if (file.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(file.get().toAbsolutePath().getParent());
            Files.writeString(file.get(), entry.line(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("WARNING: could not record progress in " + file.get() + ": " + e.getMessage());
        }
    }

    /** Every readable entry of a progress file, oldest first; none when there is no file yet. */
    public static List<Entry> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Entry> entries = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Entry.parse(line).ifPresent(entries::add);
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the progress file " + file, e);
        }
    }
}
