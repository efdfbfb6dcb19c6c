package lambdalab.lab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import lambdalab.lab.Lab;
import lambdalab.lab.notebooks.InProcessEngine;
import lambdalab.lab.notebooks.InterpreterProperties;
import lambdalab.lab.notebooks.NoteEngine;
import lambdalab.lab.notebooks.NoteSelection;
import lambdalab.lab.notebooks.NotebookRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code lab bench notebooks}: the course's notes on a fresh separate instance, as `lab notebooks run`
 * runs them: the time of each, in all, and what a learner waits for first: the interpreter's Spark
 * and the first note.
 */
@Command(name = "notebooks", mixinStandardHelpOptions = true,
        description = {"Start a separate lab instance (fresh data; your lab is not touched), run the notes on it "
                + "as `lab notebooks run` does and print the time of each note, of all, of the lab's start and "
                + "of the interpreter's Spark; the first note's time counts Spark's start.",
                "Target: the first note on a fresh lab <= 30 s. Exit code 1 when a note failed (--verbose shows its "
                        + "paragraphs and the error)."})
final class NotebooksBenchmark implements Callable<Integer> {

    private static final double FIRST_NOTE_TARGET_SECONDS = 30;

    @Mixin
    LabOptions options;

    @Mixin
    BenchProgress benchProgress;

    @Parameters(paramLabel = "NOTE", arity = "0..*",
            description = "Notes to run, as for `lab notebooks run` (default: every note, in order).")
    List<String> notes = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Path repository = options.repo().root();
        List<Path> selected = NoteSelection.select(repository.resolve("notebooks"), notes);
        Lab lab = BenchInstances.create(options, Map.of());
        try {
            long started = System.nanoTime();
            BenchInstances.start(lab, benchProgress.out());
            double upSeconds = secondsSince(started);
            Properties properties = InterpreterProperties.of(lab, repository);
            started = System.nanoTime();
            List<NotebookRun.NoteReport> reports;
            double sparkSeconds;
            try (NoteEngine engine = new InProcessEngine(properties)) { // its SparkSession is made here
                sparkSeconds = secondsSince(started);
                reports = new NotebookRun(engine, lab.settings().home().resolve("notebook-runs"), benchProgress.out())
                        .run(selected);
            }
            report(upSeconds, sparkSeconds, reports);
            return reports.stream().anyMatch(NotebookRun.NoteReport::failed) ? 1 : 0;
        } finally {
            BenchInstances.destroy(lab, benchProgress.out());
        }
    }

    private static void report(double upSeconds, double sparkSeconds, List<NotebookRun.NoteReport> reports) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-44s %10s %8s%n", "Note", "paragraphs", "seconds");
        System.out.printf(Locale.ROOT, "%-44s %10s %8.1f%n", "(lab up, fresh home)", "", upSeconds);
        System.out.printf(Locale.ROOT, "%-44s %10s %8.1f%n", "(the interpreter's Spark)", "", sparkSeconds);
        double all = sparkSeconds;
        for (NotebookRun.NoteReport note : reports) {
            System.out.printf(Locale.ROOT, "%-44s %10d %8.1f%s%n", note.name(), note.outcomes().size(), note.seconds(),
                    note.failed() ? "  FAILED" : "");
            all += note.seconds();
        }
        System.out.printf(Locale.ROOT, "%-44s %10s %8.1f%n", "all notes (with Spark's start)", "", all);
        if (!reports.isEmpty()) {
            double first = sparkSeconds + reports.get(0).seconds();
            System.out.printf(Locale.ROOT, "First note on a fresh lab (Spark's start and %s): %.1f s, %.2fx of the "
                    + "target (<= %.0f s).%n", reports.get(0).name(), first, first / FIRST_NOTE_TARGET_SECONDS,
                    FIRST_NOTE_TARGET_SECONDS);
        }
    }

    private static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }
}
