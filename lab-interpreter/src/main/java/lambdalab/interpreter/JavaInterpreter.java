package lambdalab.interpreter;

import java.io.PrintStream;
import java.util.List;
import java.util.Properties;
import lambdalab.course.exercises.ProgressLog;
import org.apache.spark.sql.SparkSession;
import org.apache.zeppelin.interpreter.Interpreter;
import org.apache.zeppelin.interpreter.InterpreterContext;
import org.apache.zeppelin.interpreter.InterpreterException;
import org.apache.zeppelin.interpreter.InterpreterResult;
import org.apache.zeppelin.interpreter.thrift.InterpreterCompletion;

/**
 * {@code %lab.java}: a stateful Java REPL (JShell, running snippets in this JVM) with the lab's
 * {@code spark}, {@code sc}, {@code endpoints}, the shared jar's imports and {@code show(...)}.
 * A paragraph's prints and expression values go to its output; a compile error or exception ends
 * it with a short, line-numbered message.
 */
public class JavaInterpreter extends Interpreter {

    private SparkJobs jobs;
    private JavaRepl repl;
    private boolean sparkAcquired;

    public JavaInterpreter(Properties properties) {
        super(properties);
    }

    @Override
    public void open() throws InterpreterException {
        try {
            LabInterpreterSettings settings = LabInterpreterSettings.from(getProperties());
            LabInterpreterSettings.progressFile(getProperties())
                    .ifPresent(file -> System.setProperty(ProgressLog.PROPERTY, file));
            SparkSession spark = SharedSpark.acquire(settings);
            sparkAcquired = true;
            jobs = new SparkJobs(spark);
            repl = JavaRepl.start(Prelude.forNotebooks(settings.maxRows()));
        } catch (RuntimeException e) {
            close();
            throw new InterpreterException("The lab's Java interpreter did not start: " + ErrorText.describe(e), e);
        }
    }

    @Override
    public InterpreterResult interpret(String code, InterpreterContext context) {
        if (repl == null) {
            return new InterpreterResult(InterpreterResult.Code.ERROR, InterpreterResult.Type.TEXT,
                    "The lab's Java interpreter is not open (see the interpreter log for why it did not start).");
        }
        PrintStream out = OutputRouter.printStream(context.out);
        ProgressLog.noteInProgress(context.getNoteName()); // the module its check paragraphs count for
        EvalOutcome outcome;
        try (OutputRouter.Binding printed = OutputRouter.bind(context.out);
             SparkJobs.Paragraph paragraph = jobs.begin(context.getParagraphId())) {
            outcome = repl.eval(code, out);
        } catch (RuntimeException e) {
            outcome = EvalOutcome.failed(ErrorText.describe(e));
        }
        out.flush();
        return outcome.succeeded() ? new InterpreterResult(InterpreterResult.Code.SUCCESS)
                : new InterpreterResult(InterpreterResult.Code.ERROR, InterpreterResult.Type.TEXT, outcome.error());
    }

    @Override
    public void cancel(InterpreterContext context) {
        if (repl == null) {
            return;
        }
        repl.stop(jobs::cancel);
    }

    @Override
    public FormType getFormType() {
        return FormType.NONE;
    }

    @Override
    public int getProgress(InterpreterContext context) {
        return jobs == null ? 0 : jobs.progress();
    }

    @Override
    public List<InterpreterCompletion> completion(String buffer, int cursor, InterpreterContext context) {
        if (repl == null) {
            return List.of();
        }
        return repl.complete(buffer, cursor).stream()
                .map(text -> new InterpreterCompletion(text, text, "java"))
                .toList();
    }

    @Override
    public void close() {
        try {
            SharedSpark.stopStreams();
            if (repl != null) {
                repl.close();
            }
        } finally {
            repl = null;
            if (sparkAcquired) {
                sparkAcquired = false;
                SharedSpark.release();
            }
        }
    }
}
