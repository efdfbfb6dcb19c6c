package lambdalab.generator;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) or SIGTERM during a run: instead of ending the JVM mid-run, ask the run to stop
 * and keep the JVM alive until the run says it has finished its work ({@link #finished()}: sinks
 * flushed, result files written, what it started stopped), or until {@code maxWait} has passed.
 *
 * <p>The JVM ends as soon as its shutdown hooks return, whatever its other threads are doing, so
 * the work a run does after being asked to stop must all come before {@link #finished()}.
 */
public final class StopOnShutdown {

    private final Duration maxWait;
    private final Runnable onRequest;
    private volatile boolean requested;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::awaitFinish, "stop-on-shutdown");

    private StopOnShutdown(Duration maxWait, Runnable onRequest) {
        this.maxWait = maxWait;
        this.onRequest = onRequest;
    }

    /**
     * Installs the hook. {@code onRequest} runs in the hook when the stop comes, to wake a run that
     * may be waiting for something else (it must not block); the run also sees {@link #requested()}.
     */
    public static StopOnShutdown install(Duration maxWait, Runnable onRequest) {
        StopOnShutdown stop = new StopOnShutdown(maxWait, onRequest);
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    public boolean requested() {
        return requested;
    }

    /** The run's work is done: a Ctrl-C may now end the JVM, and the hook is no longer needed. */
    public void finished() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutdown in progress: the hook is running and now returns
        }
    }

    private void awaitFinish() {
        requested = true;
        onRequest.run();
        try {
            finished.await(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
