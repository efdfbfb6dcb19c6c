package lambdalab.lab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import lambdalab.course.exercises.ProgressLog;
import lambdalab.lab.progress.ProgressReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "progress", mixinStandardHelpOptions = true,
        description = {"Your progress through the course: per module, each exercise (solved, not attempted so the "
                + "reference solution ran, or wrong, with the diagnosis) and how many of the note's checks passed "
                + "when it last ran.",
                "Written by the notes (in Zeppelin or `./lab notebooks run`) to $LAB_HOME/progress.tsv, and by the "
                        + "exercises module's tests (in an IDE, or ./mvnw -pl exercises -am test) to the default lab's."})
final class ProgressCommand implements Callable<Integer> {

    @Mixin
    LabOptions options;

    @Override
    public Integer call() {
        Path file = ProgressReport.file(options.settings().home());
        List<ProgressLog.Entry> entries = ProgressLog.read(file);
        System.out.println(entries.isEmpty()
                ? "No results recorded yet in " + file + ": run a note (in Zeppelin, or ./lab notebooks run 03) "
                        + "or an exercise's test in the exercises module."
                : "Your progress (" + file + "):");
        System.out.print(ProgressReport.table(ProgressReport.of(entries)));
        return 0;
    }
}
