package lambdalab.interpreter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Properties;
import org.apache.spark.sql.SparkSession;

/**
 * {@code lab shell}: the {@code %lab.java} REPL in a terminal, with the same prelude ({@code spark},
 * {@code sc}, {@code endpoints}, {@code show(...)}, the shared jar's imports). A snippet may span
 * several lines: input is read until it is complete. Tables print as aligned columns.
 */
public final class TerminalShell implements AutoCloseable {

    static final String PROMPT = "lab> ";
    static final String CONTINUATION = "...> ";
    private static final String HELP = """
            Java, one snippet at a time (a declaration, a statement or an expression; several lines are \
            read until the snippet is complete). Preloaded: spark, sc, endpoints, show(value[, rows]) and \
            the shared jar's packages.
            /help    this text
            /exit    leave (also Ctrl-D); Ctrl-C stops the running snippet and its Spark jobs""";

    private final JavaRepl repl;
    private final SparkJobs jobs;
    private long snippets;

    private TerminalShell(JavaRepl repl, SparkJobs jobs) {
        this.repl = repl;
        this.jobs = jobs;
    }

    /** Starts the lab's SparkSession (with these interpreter properties) and the REPL. */
    public static TerminalShell open(Properties properties) {
        LabInterpreterSettings settings = LabInterpreterSettings.from(properties);
        SparkSession spark = SharedSpark.acquire(settings);
        try {
            return new TerminalShell(JavaRepl.start(Prelude.forTerminal(settings.maxRows())), new SparkJobs(spark));
        } catch (RuntimeException e) {
            SharedSpark.release();
            throw e;
        }
    }

    /** Reads snippets from {@code in} until its end or /exit; prompts only when {@code prompts}. */
    public void run(BufferedReader in, PrintStream out, boolean prompts) throws IOException {
        if (prompts) {
            out.println("Lambda Lab Java shell (/help for help, /exit to leave).");
        }
        StringBuilder snippet = new StringBuilder();
        while (true) {
            if (prompts) {
                out.print(snippet.isEmpty() ? PROMPT : CONTINUATION);
                out.flush();
            }
            String line = in.readLine();
            if (line == null || (snippet.isEmpty() && line.strip().equals("/exit"))) {
                return;
            }
            if (snippet.isEmpty() && line.strip().equals("/help")) {
                out.println(HELP);
                continue;
            }
            snippet.append(line).append('\n');
            if (!snippet.toString().isBlank() && repl.isComplete(snippet.toString())) {
                eval(snippet.toString(), out);
                snippet.setLength(0);
            }
        }
    }

    private void eval(String source, PrintStream out) {
        EvalOutcome outcome;
        try (SparkJobs.Paragraph ignored = jobs.begin("shell-" + ++snippets)) {
            outcome = repl.eval(source, out);
        }
        if (!outcome.succeeded()) {
            out.println(outcome.error());
        }
        out.flush();
    }

    /** Stops the running snippet and its Spark jobs (from another thread, e.g. on Ctrl-C); nothing if idle. */
    public void interrupt() {
        repl.stop(jobs::cancel);
    }

    @Override
    public void close() {
        try {
            repl.close();
        } finally {
            SharedSpark.release();
        }
    }
}
