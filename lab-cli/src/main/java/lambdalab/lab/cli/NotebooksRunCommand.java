package lambdalab.lab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import lambdalab.lab.Lab;
import lambdalab.lab.notebooks.InProcessEngine;
import lambdalab.lab.notebooks.InterpreterProperties;
import lambdalab.lab.notebooks.NoteEngine;
import lambdalab.lab.notebooks.NoteSelection;
import lambdalab.lab.notebooks.NotebookRun;
import lambdalab.lab.zeppelin.ZeppelinProtocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run notes paragraph by paragraph against the lab (started first if it is not running), "
                + "like Zeppelin's \"run all\": a failed paragraph stops its note, the next note still runs. "
                + "Each note starts with a Java REPL that holds only the prelude (the previous note's snippets "
                + "are dropped, a Spark stream it left running is stopped); all share one SparkSession.",
                "Prints each paragraph's status and time; writes each note's executed copy (.zpln with results) "
                        + "and an HTML page of it into --out. Exit code 1 if any paragraph failed.",
                "With --zeppelin-protocol the %%lab.* paragraphs run in Zeppelin's own interpreter process "
                        + "(RemoteInterpreterServer, started from the packaged group as Zeppelin starts it) over "
                        + "Zeppelin's Thrift protocol; %%md and %%sh (Zeppelin's own groups) still run in this JVM."})
final class NotebooksRunCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    LabOptions options;

    @Parameters(paramLabel = "NOTE", arity = "0..*",
            description = "A .zpln file, or the start of a note's file name in notebooks/ (e.g. 02). "
                    + "Default: every note in notebooks/, in order.")
    List<String> notes = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where executed copies and HTML pages go (default: $LAB_HOME/notebook-runs).")
    Path out;

    @Option(names = "--zeppelin-protocol",
            description = "Run the %%lab.* paragraphs in Zeppelin's interpreter process over its Thrift protocol "
                    + "instead of in this JVM (packages the group for Zeppelin first if needed: about a minute). "
                    + "Its Zeppelin-like folder and log: $LAB_HOME/run/zeppelin.")
    boolean zeppelinProtocol;

    @Override
    public Integer call() throws IOException {
        Path repository = options.repo().root();
        List<Path> selected;
        try {
            selected = NoteSelection.select(repository.resolve("notebooks"), notes);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Lab lab = options.lab();
        if (!lab.ensureRunning(System.out, "[notebooks] ")) {
            return 1;
        }
        Path outDirectory = out != null ? out.toAbsolutePath() : lab.settings().home().resolve("notebook-runs");
        List<NotebookRun.NoteReport> reports;
        try (NoteEngine engine = engine(lab, repository)) {
            reports = new NotebookRun(engine, outDirectory, System.out).run(selected);
        }
        long failed = reports.stream().filter(NotebookRun.NoteReport::failed).count();
        System.out.println(failed == 0 ? "All " + reports.size() + " notes ran without errors."
                : failed + " of " + reports.size() + " notes failed (see above, or their HTML pages in "
                        + outDirectory + "; troubleshooting.md#notebook-check-failed).");
        return failed == 0 ? 0 : 1;
    }

    private NoteEngine engine(Lab lab, Path repository) throws IOException {
        if (!zeppelinProtocol) {
            return new InProcessEngine(InterpreterProperties.of(lab, repository));
        }
        try {
            return ZeppelinProtocol.start(repository, lab.settings().runDir().resolve("zeppelin"),
                    InterpreterProperties.of(lab, repository), System.out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while starting the interpreter process", e);
        }
    }
}
