package lambdalab.generator;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C or SIGTERM during a run: instead of ending the JVM mid-batch, ask the generator loop to
 * stop and wait (up to 30 s) until the sinks are closed, so every event emitted so far is flushed.
 */
final class StopOnShutdown {

    private volatile boolean requested;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::awaitFinish, "flush-on-exit");

    static StopOnShutdown install() {
        StopOnShutdown stop = new StopOnShutdown();
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    boolean requested() {
        return requested;
    }

    /** The run is over and flushed; the hook is no longer needed (unless the JVM is already ending). */
    void finished() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutdown in progress: the hook is running and now returns
        }
    }

    private void awaitFinish() {
        requested = true;
        try {
            finished.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
