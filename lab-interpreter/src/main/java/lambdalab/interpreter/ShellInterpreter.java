package lambdalab.interpreter;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.zeppelin.interpreter.Interpreter;
import org.apache.zeppelin.interpreter.InterpreterContext;
import org.apache.zeppelin.interpreter.InterpreterResult;

/**
 * {@code %sh} for the headless runner (Zeppelin has its own): the paragraph as a bash script in the
 * runner's working directory, its output (stdout and stderr, as they come) as the result; a non-zero
 * exit code or the timeout makes the paragraph fail. A timeout and a cancel stop bash and every
 * process it started ({@link ProcessTree}).
 */
public class ShellInterpreter extends Interpreter {

    public static final String TIMEOUT_SECONDS = "lab.sh.timeout.seconds";
    public static final String WORKING_DIRECTORY = "lab.sh.working.directory";
    /** {@code lab.sh.env.NAME=value} sets NAME in the scripts' environment (e.g. the lab instance's LAB_HOME). */
    public static final String ENVIRONMENT_PREFIX = "lab.sh.env.";
    private static final long DEFAULT_TIMEOUT_SECONDS = 600;
    /** How long the paragraph's processes get to end on SIGTERM before they are killed. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final Duration stopGrace;
    private volatile Process running;

    public ShellInterpreter(Properties properties) {
        this(properties, STOP_GRACE);
    }

    /** With another grace than a `lab` command's JVM needs to stop (tests of processes that ignore SIGTERM). */
    ShellInterpreter(Properties properties, Duration stopGrace) {
        super(properties);
        this.stopGrace = stopGrace;
    }

    @Override
    public void open() {
        // a process per paragraph
    }

    @Override
    public InterpreterResult interpret(String script, InterpreterContext context) {
        long timeout = Long.parseLong(getProperty(TIMEOUT_SECONDS, Long.toString(DEFAULT_TIMEOUT_SECONDS)));
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", "-c", script)
                    .directory(new File(getProperty(WORKING_DIRECTORY, ".")))
                    .redirectErrorStream(true);
            getProperties().stringPropertyNames().stream()
                    .filter(name -> name.startsWith(ENVIRONMENT_PREFIX))
                    .forEach(name -> builder.environment().put(name.substring(ENVIRONMENT_PREFIX.length()),
                            getProperty(name)));
            Process process = builder.start();
            running = process;
            process.getOutputStream().close();
            Thread copier = copy(process.getInputStream(), context.out);
            if (!process.waitFor(timeout, TimeUnit.SECONDS)) {
                ProcessTree.stop(process.toHandle(), stopGrace);
                copier.join(TimeUnit.SECONDS.toMillis(5));
                return failed("Timed out after " + timeout + " s (" + TIMEOUT_SECONDS + "); its processes were stopped.");
            }
            copier.join();
            int exit = process.exitValue();
            return exit == 0 ? new InterpreterResult(InterpreterResult.Code.SUCCESS)
                    : failed("Exit code " + exit + ".");
        } catch (IOException e) {
            return failed("Cannot run bash: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("Interrupted.");
        } finally {
            running = null;
        }
    }

    private static Thread copy(InputStream from, OutputStream to) {
        Thread copier = new Thread(() -> {
            try (from) {
                byte[] buffer = new byte[8192];
                for (int read = from.read(buffer); read >= 0; read = from.read(buffer)) {
                    to.write(Arrays.copyOf(buffer, read)); // Zeppelin's output needs offset 0
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "lab-sh-output");
        copier.setDaemon(true);
        copier.start();
        return copier;
    }

    private static InterpreterResult failed(String message) {
        return new InterpreterResult(InterpreterResult.Code.ERROR, InterpreterResult.Type.TEXT, message);
    }

    @Override
    public void cancel(InterpreterContext context) {
        Process process = running;
        if (process != null) {
            ProcessTree.stop(process.toHandle(), stopGrace);
        }
    }

    @Override
    public FormType getFormType() {
        return FormType.NONE;
    }

    @Override
    public int getProgress(InterpreterContext context) {
        return 0;
    }

    @Override
    public void close() {
        cancel(null);
    }
}
