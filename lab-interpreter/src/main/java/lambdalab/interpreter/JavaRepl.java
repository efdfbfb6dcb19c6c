package lambdalab.interpreter;

import java.io.File;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import jdk.jshell.execution.LocalExecutionControlProvider;

/**
 * A stateful Java REPL on the JDK's JShell, independent of Zeppelin (the notebook interpreter, the
 * headless runner and a terminal shell share it). Snippets run in THIS JVM (JShell's local execution
 * engine), where the SparkSession lives, and their classes are made visible to Spark's tasks.
 */
public final class JavaRepl implements AutoCloseable {

    private static final int MAX_VALUE_CHARS = 2000;
    private static final long STOP_RETRY_MILLIS = 200;
    private static final String SNIPPET_LOADER = "new Object() { }.getClass().getClassLoader()";

    private static final PrintStream DISCARD = new PrintStream(java.io.OutputStream.nullOutputStream());

    /**
     * Shells whose session ended, their snippets dropped. JShell names every snippet's class
     * {@code REPL.$JShell$<n>}, counting from 1 in each shell; Spark's executor class loader
     * remembers a class by name once a task loaded it, so a second shell's {@code $JShell$12} would
     * get the first shell's class ("Invalid lambda deserialization" in every task of the note that
     * came second). A reused shell goes on counting: as long as sessions follow one another (the
     * headless runner, Zeppelin's shared interpreter), names never repeat in this JVM. Only sessions
     * open at the same time (Zeppelin's per-note scoped mode) need a second shell.
     */
    private static final Deque<JShell> IDLE = new ArrayDeque<>();

    private final JShell shell;
    /** The snippets this session added: what goes when it ends. */
    private final List<Snippet> sessionSnippets = new ArrayList<>();
    private final ReentrantLock running = new ReentrantLock();
    private long paragraphs;
    /** The paragraph running (0: none) and the one a stop was asked for: a stop never outlives its paragraph. */
    private volatile long runningParagraph;
    private volatile long stopRequestedFor;
    /** Held while the running paragraph changes and while stopping: a stop never hits the next paragraph. */
    private final Object stopLock = new Object();

    private JavaRepl(JShell shell) {
        this.shell = shell;
    }

    /**
     * A REPL that compiles against this JVM's class path and has run {@code prelude}: a shell an
     * ended session left (back to its prelude, which runs again), or a new one.
     */
    public static JavaRepl start(String prelude) {
        JShell idle;
        synchronized (IDLE) {
            idle = IDLE.pollFirst();
        }
        if (idle != null) {
            // again: its values (the SparkSession above all) may have been stopped since the last session,
            // and this session's prelude may differ (the terminal's shows tables otherwise)
            JavaRepl reused = new JavaRepl(idle);
            reused.require(reused.eval(prelude, DISCARD), "the prelude");
            return new JavaRepl(idle);
        }
        JShell shell = newShell();
        JavaRepl setup = new JavaRepl(shell);
        setup.require(setup.eval("lambdalab.interpreter.SnippetClassLoader.instance().register(" + SNIPPET_LOADER + ");",
                DISCARD), "registering its classes with Spark");
        setup.require(setup.eval(prelude, DISCARD), "the prelude");
        return new JavaRepl(shell);
    }

    private static JShell newShell() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try {
            JShell shell = JShell.builder().executionEngine(new LocalExecutionControlProvider(), Map.of())
                    .fileManager(ClassPathListings::new).build();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    shell.addToClasspath(entry);
                }
            }
            return shell;
        } finally {
            // JShell's local engine makes its snippet loader the caller's context loader: undo that
            thread.setContextClassLoader(previous);
        }
    }

    private void require(EvalOutcome outcome, String what) {
        if (!outcome.succeeded()) {
            close();
            throw new IllegalStateException("The Java REPL failed while running " + what + ":\n" + outcome.error());
        }
    }

    /**
     * Runs a paragraph snippet by snippet, printing expression values to {@code out}, and stops at the
     * first compile error or exception. What the snippets print goes wherever System.out goes.
     */
    public EvalOutcome eval(String paragraph, PrintStream out) {
        running.lock();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // the snippets' thread inherits it: Spark's code generation and encoders then find snippet classes
        thread.setContextClassLoader(SnippetClassLoader.instance());
        long id = ++paragraphs;
        synchronized (stopLock) {
            runningParagraph = id;
        }
        try {
            Map<String, SourceSnippet> byId = new HashMap<>();
            List<SourceSnippet> snippets = SourceSnippet.split(shell.sourceCodeAnalysis(), paragraph);
            for (int i = 0; i < snippets.size(); i++) {
                if (stopRequestedFor == id) {
                    return EvalOutcome.failed("Stopped.");
                }
                String error = evalSnippet(snippets.get(i), paragraph, byId, out, i == snippets.size() - 1);
                if (stopRequestedFor == id) {
                    return EvalOutcome.failed("Stopped.");
                }
                if (error != null) {
                    return EvalOutcome.failed(error);
                }
            }
            return EvalOutcome.ok();
        } finally {
            synchronized (stopLock) {
                runningParagraph = 0;
            }
            thread.setContextClassLoader(previous);
            running.unlock();
        }
    }

    /**
     * Evaluates one snippet: null when it went well, else the error to show. Only the paragraph's
     * last snippet shows its value, as a notebook kernel does: {@code map.put(...)} lines in the
     * middle of a paragraph are no output.
     */
    private String evalSnippet(SourceSnippet snippet, String paragraph, Map<String, SourceSnippet> byId,
            PrintStream out, boolean last) {
        for (SnippetEvent event : shell.eval(snippet.source())) {
            if (event.causeSnippet() != null) {
                warnIfReset(event, out); // a dependent snippet updated in passing
                continue;
            }
            byId.put(event.snippet().id(), snippet);
            sessionSnippets.add(event.snippet());
            if (event.status() == Snippet.Status.REJECTED) {
                return SnippetErrors.compile(shell.diagnostics(event.snippet()).toList(), snippet, paragraph);
            }
            if (event.exception() != null) {
                return describe(event.exception(), byId, paragraph);
            }
            report(event, out, last);
        }
        return null;
    }

    /**
     * JShell re-creates an earlier variable whose declaration mentions a name a new snippet declares
     * (even as a method name: {@code builder().events(10)} and a new {@code events}), and the
     * re-created variable is null or zero: say so, or a later paragraph fails without a clue.
     */
    private static void warnIfReset(SnippetEvent event, PrintStream out) {
        if (event.snippet() instanceof VarSnippet variable && event.status().isDefined()
                && event.previousStatus().isDefined()) {
            Snippet cause = event.causeSnippet();
            String because = cause instanceof DeclarationSnippet declaration
                    ? "declaring " + declaration.name() : "a new snippet";
            out.println("Note: " + because + " made JShell re-create variable " + variable.name()
                    + ", which lost its value (now " + event.value() + "). Run the paragraph that sets it again,"
                    + " or give the new declaration a name that earlier declarations do not use"
                    + " (troubleshooting.md#jshell-variable-reset).");
        }
    }

    private String describe(JShellException exception, Map<String, SourceSnippet> byId, String paragraph) {
        if (exception instanceof UnresolvedReferenceException unresolved) {
            DeclarationSnippet declaration = unresolved.getSnippet();
            return declaration.kind().name().toLowerCase() + " " + declaration.name() + " cannot be used until "
                    + unresolved(declaration) + " is declared";
        }
        if (exception instanceof EvalException thrown) {
            return SnippetErrors.runtime(thrown, byId, paragraph);
        }
        return ErrorText.describe(exception);
    }

    private String unresolved(DeclarationSnippet declaration) {
        return shell.unresolvedDependencies(declaration).collect(Collectors.joining(", "));
    }

    /**
     * Like jshell: the value of the paragraph's last expression unless it is null or a print stream (nothing to see),
     * and a note for a declaration that waits for another.
     */
    private void report(SnippetEvent event, PrintStream out, boolean last) {
        Snippet snippet = event.snippet();
        if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            DeclarationSnippet declaration = (DeclarationSnippet) snippet;
            out.println("created " + declaration.kind().name().toLowerCase() + " " + declaration.name()
                    + ", which cannot be used until " + unresolved(declaration) + " is declared");
        } else if (last && event.value() != null && !event.value().equals("null") && isExpression(snippet)
                && !isPrintStream(snippet)) {
            String value = event.value();
            String shown = value.length() > MAX_VALUE_CHARS ? value.substring(0, MAX_VALUE_CHARS) + "..." : value;
            out.println(name(snippet) + " ==> " + shown);
        }
    }

    private static boolean isExpression(Snippet snippet) {
        return switch (snippet.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND, VAR_VALUE_SUBKIND, ASSIGNMENT_SUBKIND -> true;
            default -> false;
        };
    }

    /** {@code System.out.printf(...)} returns its stream: a value nobody wants to see under the output. */
    private static boolean isPrintStream(Snippet snippet) {
        return snippet instanceof VarSnippet variable && variable.typeName().matches("(java\\.io\\.)?PrintStream");
    }

    private static String name(Snippet snippet) {
        if (snippet instanceof VarSnippet variable) {
            return variable.name();
        }
        return snippet instanceof jdk.jshell.ExpressionSnippet expression ? expression.name() : snippet.id();
    }

    /**
     * Stops the paragraph that is running (called from another thread): marks it stopped, runs
     * {@code alsoStop} (e.g. cancelling its Spark jobs, while the paragraph still waits for them), then
     * stops its snippet; the rest of the paragraph does not run.
     */
    public void stop(Runnable alsoStop) {
        long paragraph = runningParagraph;
        if (paragraph == 0) {
            return;
        }
        stopRequestedFor = paragraph;
        alsoStop.run();
        stopSnippet(paragraph);
        Thread stopper = new Thread(() -> keepStopping(paragraph), "lab-java-stop");
        stopper.setDaemon(true);
        stopper.start();
    }

    private boolean stopSnippet(long paragraph) {
        synchronized (stopLock) {
            if (runningParagraph != paragraph) {
                return false;
            }
            shell.stop();
            return true;
        }
    }

    /**
     * JShell's stop only stops a snippet that is executing, not one being compiled: one that starts
     * right after the first stop is stopped by the next, until the paragraph ends.
     */
    private void keepStopping(long paragraph) {
        do {
            try {
                Thread.sleep(STOP_RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        } while (stopSnippet(paragraph));
    }

    /**
     * Completions at {@code cursor}: the text to put in place of the word before the cursor. Empty
     * while a paragraph runs (JShell serves one caller at a time).
     */
    public List<String> complete(String text, int cursor) {
        if (!running.tryLock()) {
            return List.of();
        }
        try {
            SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
            String current = lastSnippet(analysis, text.substring(0, Math.max(0, Math.min(cursor, text.length()))));
            int[] anchor = new int[1];
            Set<String> continuations = new LinkedHashSet<>();
            for (SourceCodeAnalysis.Suggestion suggestion
                    : analysis.completionSuggestions(current, current.length(), anchor)) {
                continuations.add(suggestion.continuation());
            }
            return List.copyOf(continuations);
        } finally {
            running.unlock();
        }
    }

    /**
     * Whether {@code source} can run as it is, or needs more lines (an open block, a statement without
     * its end): for a terminal that reads a snippet over several lines.
     */
    public boolean isComplete(String source) {
        running.lock();
        try {
            SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
            String lastSnippet = lastSnippet(analysis, source);
            SourceCodeAnalysis.Completeness last = analysis.analyzeCompletion(lastSnippet).completeness();
            // an unparsable snippet counts as complete: running it shows the compile error
            return last.isComplete() || (last != SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE
                    && last != SourceCodeAnalysis.Completeness.CONSIDERED_INCOMPLETE);
        } finally {
            running.unlock();
        }
    }

    /** The snippet the cursor is in: what follows the last complete snippet before it. */
    private static String lastSnippet(SourceCodeAnalysis analysis, String head) {
        String rest = head;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            if (!info.completeness().isComplete() || info.remaining().isEmpty()
                    || info.remaining().length() >= rest.length()) {
                return rest;
            }
            rest = info.remaining();
        }
    }

    @Override
    public void close() {
        if (running.isLocked()) {
            closeShell(); // a paragraph still runs in it: the shell cannot be reused
            return;
        }
        try {
            forgetSession();
        } catch (RuntimeException e) {
            closeShell();
            return;
        }
        synchronized (IDLE) {
            IDLE.addLast(shell);
        }
    }

    /**
     * Back to the prelude: every snippet of the session dropped, so the next session starts as a new
     * REPL would. (A dropped variable's value stays referenced by its class while the shell lives:
     * the headless runner is one process per run.)
     */
    private void forgetSession() {
        // newest first: a snippet goes before what it depends on, so nothing left has to be recompiled
        // (dropping an import first made JShell recompile what used it, and the runner's JVM ended)
        for (int i = sessionSnippets.size() - 1; i >= 0; i--) {
            Snippet snippet = sessionSnippets.get(i);
            if (shell.status(snippet).isActive()) {
                shell.drop(snippet);
            }
        }
    }

    private void closeShell() {
        try {
            if (!running.isLocked()) {
                eval("lambdalab.interpreter.SnippetClassLoader.instance().unregister(" + SNIPPET_LOADER + ");",
                        DISCARD);
            }
        } finally {
            shell.close();
        }
    }
}
