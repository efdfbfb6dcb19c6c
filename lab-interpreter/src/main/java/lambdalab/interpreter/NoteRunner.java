package lambdalab.interpreter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.zeppelin.interpreter.Interpreter;
import org.apache.zeppelin.interpreter.InterpreterContext;
import org.apache.zeppelin.interpreter.InterpreterException;
import org.apache.zeppelin.interpreter.InterpreterOutput;
import org.apache.zeppelin.interpreter.InterpreterResult;
import org.apache.zeppelin.interpreter.InterpreterResultMessage;

/**
 * Runs Zeppelin notes without Zeppelin: every paragraph in order through the same interpreter
 * classes Zeppelin loads ({@code %lab.java}, {@code %lab.sql}, {@code %lab.cql}) plus headless
 * {@code %md} and {@code %sh}, like Zeppelin's "run all": a failed paragraph stops the note. The
 * interpreters live as long as the runner, so notes run one after the other share their state, as
 * notes do in one Zeppelin interpreter process.
 */
public final class NoteRunner implements AutoCloseable {

    /** How often a running paragraph's heartbeat is reported. */
    private static final long HEARTBEAT_SECONDS = 10;

    private final Properties properties;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "note-runner-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Function<Properties, Interpreter>> kinds = new LinkedHashMap<>();
    private final Map<String, Interpreter> open = new LinkedHashMap<>();

    /** @param properties the interpreters' properties (endpoints, row limit, {@code lab.sh.*}) */
    public NoteRunner(Properties properties) {
        this(properties, Map.of());
    }

    /**
     * @param replaced interpreters run some other way, by the name paragraphs give them (e.g. {@code lab.java}
     *                 run in Zeppelin's interpreter process over its protocol): the same run, recorded the same way
     */
    public NoteRunner(Properties properties, Map<String, Function<Properties, Interpreter>> replaced) {
        this.properties = properties;
        kinds.put("lab.java", JavaInterpreter::new);
        kinds.put("lab.sql", SqlInterpreter::new);
        kinds.put("lab.cql", CqlInterpreter::new);
        kinds.put("md", MarkdownInterpreter::new);
        kinds.put("sh", ShellInterpreter::new);
        replaced.forEach((kind, factory) -> {
            if (!kinds.containsKey(kind)) {
                throw new IllegalArgumentException("No interpreter %" + kind + " to replace");
            }
            kinds.put(kind, factory);
        });
    }

    /**
     * Runs a note's paragraphs in order, records each one's status and results in {@code note} (write
     * it to keep an executed copy) and tells {@code listener} about each as it ends.
     */
    public List<ParagraphOutcome> run(NoteFile note, RunListener listener) {
        List<ParagraphOutcome> outcomes = new ArrayList<>();
        boolean failed = false;
        for (ObjectNode paragraph : note.paragraphs()) {
            ParagraphText text = ParagraphText.parse(paragraph.path("text").asText(""), note.defaultInterpreter());
            ParagraphOutcome outcome;
            if (failed || !paragraph.path("config").path("enabled").asBoolean(true)) {
                NoteFile.recordNotRun(paragraph);
                outcome = new ParagraphOutcome(id(paragraph), title(paragraph), text.interpreter(),
                        ParagraphOutcome.SKIPPED, 0, List.of());
            } else {
                Instant started = Instant.now();
                outcome = runParagraph(note, paragraph, text, listener);
                NoteFile.recordRun(paragraph, outcome, started, Instant.now());
                failed = outcome.failed();
            }
            outcomes.add(outcome);
            listener.finished(outcome);
        }
        return outcomes;
    }

    private ParagraphOutcome runParagraph(NoteFile note, ObjectNode paragraph, ParagraphText text,
            RunListener listener) {
        long start = System.nanoTime();
        List<InterpreterResultMessage> messages = new ArrayList<>();
        String status;
        ScheduledFuture<?> beats = null;
        try {
            InterpreterContext context = InterpreterContext.builder()
                    .setNoteId(note.id()).setNoteName(note.name())
                    .setParagraphId(id(paragraph)).setParagraphTitle(title(paragraph))
                    .setParagraphText(paragraph.path("text").asText(""))
                    .setInterpreterOut(new InterpreterOutput())
                    .build();
            InterpreterResult result;
            if (text.body().isBlank()) {
                result = new InterpreterResult(InterpreterResult.Code.SUCCESS);
            } else {
                Interpreter interpreter = interpreter(text.interpreter());
                beats = heartbeat.scheduleAtFixedRate(() -> listener.stillRunning(id(paragraph), title(paragraph),
                        (System.nanoTime() - start) / 1_000_000, progress(interpreter, context)),
                        HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                result = interpreter.interpret(text.body(), context);
            }
            context.out.flush();
            messages.addAll(context.out.toInterpreterResultMessage());
            messages.addAll(result.message());
            status = result.code() == InterpreterResult.Code.ERROR ? ParagraphOutcome.ERROR : ParagraphOutcome.FINISHED;
        } catch (InterpreterException | IOException | RuntimeException e) {
            messages.add(new InterpreterResultMessage(InterpreterResult.Type.TEXT, ErrorText.describe(e)));
            status = ParagraphOutcome.ERROR;
        } finally {
            if (beats != null) {
                beats.cancel(false);
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new ParagraphOutcome(id(paragraph), title(paragraph), text.interpreter(), status, millis, messages);
    }

    /** A heartbeat must not fail: an interpreter that cannot tell its progress reports 0. */
    private static int progress(Interpreter interpreter, InterpreterContext context) {
        try {
            return interpreter.getProgress(context);
        } catch (InterpreterException | RuntimeException e) {
            return 0;
        }
    }

    /** The interpreter for a name as notes write it ({@code %lab.java}, {@code %java}, {@code %md}), opened once. */
    private Interpreter interpreter(String name) throws InterpreterException {
        String kind = kinds.containsKey(name) ? name : "lab." + name;
        Function<Properties, Interpreter> factory = kinds.get(kind);
        if (factory == null) {
            throw new IllegalArgumentException("No interpreter %" + name + " here; the runner knows %"
                    + String.join(", %", kinds.keySet()));
        }
        Interpreter interpreter = open.get(kind);
        if (interpreter == null) {
            interpreter = factory.apply(properties);
            interpreter.open();
            open.put(kind, interpreter);
        }
        return interpreter;
    }

    private static String id(ObjectNode paragraph) {
        return paragraph.path("id").asText("");
    }

    private static String title(ObjectNode paragraph) {
        return paragraph.path("title").asText("");
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        List<Interpreter> interpreters = new ArrayList<>(open.values());
        open.clear();
        for (int i = interpreters.size() - 1; i >= 0; i--) {
            try {
                interpreters.get(i).close();
            } catch (InterpreterException | RuntimeException e) {
                System.err.println("Closing " + interpreters.get(i).getClassName() + ": " + ErrorText.describe(e));
            }
        }
    }
}
