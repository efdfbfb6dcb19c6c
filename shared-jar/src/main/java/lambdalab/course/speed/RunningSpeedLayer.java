package lambdalab.course.speed;

import org.apache.spark.streaming.api.java.JavaStreamingContext;

/** A speed layer started in this JVM: wait for it, stop it (finishing the current batch), read its latency. */
public final class RunningSpeedLayer implements AutoCloseable {

    private final JavaStreamingContext context;
    private final SpeedLayerRuntime runtime;
    private final String recoveredFrom;
    private boolean stopped;

    RunningSpeedLayer(JavaStreamingContext context, SpeedLayerRuntime runtime, String recoveredFrom) {
        this.context = context;
        this.runtime = runtime;
        this.recoveredFrom = recoveredFrom;
    }

    /** Where the state came from: {@code checkpoint}, {@code views} (the checkpoint was unusable) or {@code fresh}. */
    public String recoveredFrom() {
        return recoveredFrom;
    }

    /** The lost-messages drill this run runs, or none. */
    MessageLoss messageLoss() {
        return runtime.messageLoss();
    }

    /** Produce-to-visible latency of every event so far (filled only when the settings measure it). */
    public LatencyRecorder latency() {
        return runtime.latency();
    }

    /** The time each output operation of the batches took so far. */
    public OutputTimings outputTimings() {
        return runtime.timings();
    }

    public JavaStreamingContext context() {
        return context;
    }

    /** Calls {@code consumer} (on Spark's listener thread) after every completed batch. */
    public void onBatchCompleted(java.util.function.Consumer<BatchStats> consumer) {
        context.ssc().addStreamingListener(BatchStats.listener(consumer));
    }

    /** Stops at once, without processing the batches still queued (a benchmark with a backlog). */
    public synchronized void stopNow() {
        if (stopped) {
            return;
        }
        stopped = true;
        runtime.markStopping();
        context.stop(true, false);
        runtime.status().state("stopped", null);
        runtime.close();
        StateEntries.closeAll();
    }

    /** Whether a stop was asked for (then a failure of the batch in flight is expected). */
    public boolean isStopping() {
        return runtime.isStopping();
    }

    /** Reports the job as failed in its status file (before the JVM is ended). */
    void markFailed() {
        runtime.status().state("failed", null);
    }

    public void awaitTermination() throws InterruptedException {
        context.awaitTermination();
    }

    /**
     * Stops cleanly: the batch in progress finishes its outputs and commits; no other batch begins
     * (those already due are replayed by the next start, from the checkpoint).
     */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        if (!runtime.stopAfterCurrentBatch(SpeedLayerJob.STOP_TIMEOUT)) {
            System.err.println("WARNING: the batch in progress did not finish within " + SpeedLayerJob.STOP_TIMEOUT
                    + "; stopping anyway (the next start replays it).");
        }
        stopNow();
    }
}
