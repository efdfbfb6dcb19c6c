package lambdalab.course.clickstream;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes one line per event to standard output (or any stream), for piping the generator into
 * other tools: {@code generate | kafka-console-producer}, {@code generate | head}.
 *
 * <p>{@code System.out} flushes on every line; this sink uses its own large buffer on the same
 * file descriptor instead, which is what makes millions of lines per second possible. A broken
 * pipe (the reader went away) is reported as an {@link UncheckedIOException} instead of being
 * swallowed as {@link PrintStream} does, so the generator stops instead of running on for nothing.
 */
public final class StdoutSink implements EventSink {

    /** Size of the output buffer. */
    public static final int BUFFER_BYTES = 1 << 16;

    /** Lines between checks for a broken output. */
    static final int CHECK_EVERY_LINES = 1 << 16;

    private final PrintStream out;
    private int linesSinceCheck;

    /** A sink on the process's standard output. */
    public StdoutSink() {
        this(new FileOutputStream(FileDescriptor.out));
    }

    /** A sink on {@code target}; the target is flushed but never closed (it belongs to the caller). */
    public StdoutSink(OutputStream target) {
        this.out = new PrintStream(new BufferedOutputStream(target, BUFFER_BYTES), false, StandardCharsets.UTF_8);
    }

    @Override
    public void accept(ClickEvent event, String encodedLine) {
        out.print(encodedLine);
        out.print('\n');
        if (++linesSinceCheck == CHECK_EVERY_LINES) {
            linesSinceCheck = 0;
            throwIfBroken();
        }
    }

    @Override
    public void flush() {
        throwIfBroken();
    }

    /** Flushes; does not close the stream, which belongs to the process or the caller. */
    @Override
    public void close() {
        flush();
    }

    /** {@link PrintStream#checkError()} flushes and reports any earlier write failure. */
    private void throwIfBroken() {
        if (out.checkError()) {
            throw new UncheckedIOException(new IOException("cannot write to the output (closed or broken pipe)"));
        }
    }
}
