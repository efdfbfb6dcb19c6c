package lambdalab.lab.notebooks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import lambdalab.interpreter.NoteFile;
import lambdalab.interpreter.NoteHtml;
import lambdalab.interpreter.NoteRunner;
import lambdalab.interpreter.ParagraphOutcome;
import lambdalab.interpreter.RunListener;

/**
 * Runs notes headless, one after the other, each in a fresh Java REPL (as a learner who opens just
 * that note) on one SparkSession, in this JVM or in Zeppelin's interpreter process ({@link NoteEngine}); prints each paragraph's status and time, and writes each note's
 * executed copy (Zeppelin's format, with results) and an HTML page of it into an output folder.
 */
public final class NotebookRun {

    /** How one note went, and where its executed copy and HTML page are. */
    public record NoteReport(String name, List<ParagraphOutcome> outcomes, double seconds, Path executed, Path html) {
        public long count(String status) {
            return outcomes.stream().filter(outcome -> outcome.status().equals(status)).count();
        }

        public boolean failed() {
            return count(ParagraphOutcome.ERROR) > 0;
        }
    }

    private final NoteEngine engine;
    private final Path outDirectory;
    private final PrintStream out;

    /**
     * @param engine       where the paragraphs run (the caller closes it)
     * @param outDirectory where executed copies and HTML pages go
     */
    public NotebookRun(NoteEngine engine, Path outDirectory, PrintStream out) {
        this.engine = engine;
        this.outDirectory = outDirectory;
        this.out = out;
    }

    public List<NoteReport> run(List<Path> notes) throws IOException {
        Files.createDirectories(outDirectory);
        return notes.stream().map(this::runNote).toList();
    }

    private NoteReport runNote(Path file) {
        long start = System.nanoTime();
        NoteFile note;
        try {
            note = NoteFile.read(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the note " + file + ": " + e.getMessage(), e);
        }
        out.println("== " + note.name() + " (" + file.getFileName() + ")");
        int total = note.paragraphs().size();
        List<ParagraphOutcome> outcomes;
        try (NoteRunner runner = engine.runnerForNote()) {
            outcomes = runner.run(note, new Printer(total));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the interpreters " + engine.description() + " for "
                    + file.getFileName() + ": " + e.getMessage(), e);
        }
        Path executed = outDirectory.resolve(file.getFileName());
        Path html = outDirectory.resolve(file.getFileName().toString().replaceFirst("\\.zpln$", "") + ".html");
        try {
            note.write(executed);
            Files.writeString(html, NoteHtml.render(note), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the executed note into " + outDirectory + ": "
                    + e.getMessage(), e);
        }
        NoteReport report = new NoteReport(note.name(), outcomes, (System.nanoTime() - start) / 1e9, executed, html);
        out.printf(Locale.ROOT, "   %s: %d finished, %d failed, %d skipped in %.1f s; results in %s%n",
                report.failed() ? "FAILED" : "ok", report.count(ParagraphOutcome.FINISHED),
                report.count(ParagraphOutcome.ERROR), report.count(ParagraphOutcome.SKIPPED), report.seconds(), html);
        return report;
    }

    /** One line per paragraph as it ends (the error below a failed one), a heartbeat for long ones. */
    private final class Printer implements RunListener {
        private final int total;
        private int done;

        Printer(int total) {
            this.total = total;
        }

        @Override
        public void finished(ParagraphOutcome outcome) {
            done++;
            out.printf(Locale.ROOT, "   [%2d/%d] %-8s %6.1f s  %%%-9s %s%n", done, total, outcome.status(),
                    outcome.millis() / 1000.0, outcome.interpreter(),
                    outcome.title().isBlank() ? outcome.id() : outcome.title());
            if (outcome.failed()) {
                outcome.text().strip().lines().forEach(line -> out.println("            | " + line));
            }
        }

        @Override
        public void stillRunning(String paragraphId, String title, long millis, int percent) {
            out.printf(Locale.ROOT, "   [%2d/%d] running  %6.1f s  %s%n", done + 1, total, millis / 1000.0,
                    percent > 0 ? percent + "% of its Spark tasks done" : "");
        }
    }
}
