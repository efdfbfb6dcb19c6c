package lambdalab.interpreter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Sends what a paragraph's code prints on {@code System.out} and {@code System.err} to that
 * paragraph's output. Snippets run in this JVM, where {@code System.out} is one global stream: it is
 * replaced once by a router that writes to the target bound to the current thread (inherited by the
 * threads a paragraph starts) and to the original stream otherwise (Spark's pooled threads, logging).
 */
public final class OutputRouter {

    private static final InheritableThreadLocal<Binding> CURRENT = new InheritableThreadLocal<>();
    private static PrintStream routedOut;
    private static PrintStream routedErr;

    private OutputRouter() {
    }

    /** Routes this thread's (and its new threads') output to {@code target} until the binding closes. */
    public static Binding bind(OutputStream target) {
        install();
        Binding binding = new Binding(target, CURRENT.get());
        CURRENT.set(binding);
        return binding;
    }

    /** A print stream straight to {@code target} (for the interpreter's own lines: values, notes). */
    public static PrintStream printStream(OutputStream target) {
        return new PrintStream(new Router(null) {
            @Override
            OutputStream target() {
                return target;
            }
        }, true, StandardCharsets.UTF_8);
    }

    /**
     * Puts the routers in place, again if something replaced {@code System.out} or {@code System.err}
     * since (a test harness capturing a command's output, or a paragraph's own {@code System.setOut}):
     * the paragraph's output would go there instead of to the paragraph.
     */
    private static synchronized void install() {
        if (System.out != routedOut) {
            routedOut = new PrintStream(new Router(System.out), true, StandardCharsets.UTF_8);
            System.setOut(routedOut);
        }
        if (System.err != routedErr) {
            routedErr = new PrintStream(new Router(System.err), true, StandardCharsets.UTF_8);
            System.setErr(routedErr);
        }
    }

    /** A paragraph's target; once closed, threads that outlive the paragraph print to the original streams. */
    public static final class Binding implements AutoCloseable {
        private volatile OutputStream target;
        private final Binding previous;

        private Binding(OutputStream target, Binding previous) {
            this.target = target;
            this.previous = previous;
        }

        @Override
        public void close() {
            target = null;
            if (CURRENT.get() == this) {
                CURRENT.set(previous);
            }
        }
    }

    private static class Router extends OutputStream {
        private final PrintStream original;

        Router(PrintStream original) {
            this.original = original;
        }

        OutputStream target() {
            Binding binding = CURRENT.get();
            OutputStream target = binding == null ? null : binding.target;
            return target == null ? original : target;
        }

        @Override
        public void write(int b) throws IOException {
            target().write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            // a copy: Zeppelin's InterpreterOutput.write(byte[], int, int) mishandles a non-zero offset
            target().write(Arrays.copyOfRange(bytes, offset, offset + length));
        }

        @Override
        public void flush() throws IOException {
            target().flush();
        }
    }
}
