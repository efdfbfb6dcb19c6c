package lambdalab.course.speed;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import lambdalab.course.spark.DriverCollect;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.kafka010.CanCommitOffsets;
import scala.Tuple2;

/**
 * The speed layer's output operations, run on the driver once per batch in declaration order (see
 * {@link SpeedLayer}). Each is fail-stop: if one throws, the JVM ends at once, before Spark could
 * mark the batch done, so the restart replays the batch instead of skipping its outputs.
 */
final class SpeedLayerOutputs {

    private SpeedLayerOutputs() {
    }

    /**
     * (1) The (product, hour) rows the batch changed, as absolute values: first, so that a query sees
     * the batch's events as soon as possible; the raw files need not come before them, only before the
     * commit (see {@link SpeedLayer}). Begins the batch.
     */
    static void upsertViews(JavaRDD<ChangedRow> changed, Time time) {
        SpeedLayerRuntime.get().batchBegins(time); // once stopping, no batch begins: it is replayed next start
        failStop("aggregation and views", time, () -> {
            SpeedLayerRuntime runtime = SpeedLayerRuntime.get();
            runtime.book().began(time, System.currentTimeMillis());
            if (!runtime.settings().writeOutputs()) {
                changed.count(); // the reference run: the state is computed, nothing is written
                return;
            }
            runtime.replayGuard().beforeFirstBatch(runtime.book().get(time).ranges()); // before the run's first write
            // also when the batch is empty: computing the state is what lets Spark checkpoint it and
            // cut its lineage (see StateLineage)
            // measured before the job: Spark checkpoints a marked ancestor after it, which hides how deep it ran
            runtime.status().stateLineage(StateLineage.batchesSinceCheckpoint(changed.rdd()));
            List<ChangedRow> rows = DriverCollect.collect(changed.rdd());
            runtime.views().upsertState(rows, SpeedLayer.batchInstant(time),
                    SpeedLayer.nextOffsets(runtime.book().get(time).ranges()));
            runtime.book().visible(time);
            rows.forEach(row -> runtime.book().sawHour(time, row.key().timestampHour()));
        });
    }

    /** (2) Each product's counts over the sliding window ending with this batch. */
    static void upsertWindow(JavaPairRDD<String, ActionCounts> window, Time time) {
        failStop("window view", time, () -> {
            SpeedLayerRuntime runtime = SpeedLayerRuntime.get();
            runtime.views().upsertWindow(DriverCollect.collect(window.rdd()), Instant.ofEpochMilli(time.milliseconds()),
                    runtime.settings().windowSeconds());
        });
    }

    /** (3) Valid events to the raw dataset, rejected records to the dead-letter topic. */
    static void storeRawEvents(JavaRDD<ParsedRecord> batch, Time time) {
        failStop("raw events", time, () -> {
            SpeedLayerRuntime runtime = SpeedLayerRuntime.get();
            if (runtime.settings().writeOutputs()) {
                // the first batch after a start replaces files an earlier run wrote from the same offsets on
                runtime.rawWriter().replaceOnFirstBatch(batch.context().hadoopConfiguration(),
                        runtime.book().get(time).ranges());
            }
            if (runtime.book().get(time).records() == 0) {
                return; // nothing arrived: nothing to store
            }
            RawFiles.TaskResult stored = runtime.rawWriter().write(batch, runtime.book().get(time).ranges(),
                    runtime.settings().writeOutputs(), runtime.settings().measureLatency());
            List<ParsedRecord> rejected = stored.rejected();
            if (runtime.settings().writeOutputs() && !rejected.isEmpty()) {
                runtime.deadLetters().send(rejected);
            }
            runtime.book().stored(time, rejected.size(), stored.producedAt());
        });
    }

    /** (4) Everything of the batch is stored: commit its offsets, report it. */
    static void commit(CanCommitOffsets kafka, Time time, Instant viewsSince) {
        failStop("offsets", time, () -> {
            SpeedLayerRuntime runtime = SpeedLayerRuntime.get();
            BatchBook.Entry batch = runtime.book().get(time);
            Map<Integer, Long> next = SpeedLayer.nextOffsets(batch.ranges());
            long events = batch.records() - batch.invalid();
            boolean halt = batch.records() > 0 && runtime.dueToHalt();
            if (halt && !runtime.haltsAfterCommit()) {
                System.err.println("Halting before the commit of batch " + time + " (--halt-before-commit): its outputs"
                        + " are written, its offsets are not, as if the job had been killed right here.");
                Runtime.getRuntime().halt(3);
            }
            if (runtime.settings().writeOutputs()) {
                kafka.commitAsync(batch.ranges()); // for lag monitoring with Kafka's tools
                runtime.views().commitOffsets(runtime.settings().topic(), next, SpeedLayer.batchInstant(time), viewsSince);
                runtime.replayGuard().afterCommit(next);
                if (batch.newestHour() != Long.MIN_VALUE) {
                    runtime.views().recordWatermark(batch.newestHour(), events);
                }
            }
            if (halt) {
                System.err.println("Halting after the commit of batch " + time + " (--halt-after-commit): Spark has"
                        + " not marked it done, so the restart replays it, as after a kill right here.");
                Runtime.getRuntime().halt(3);
            }
            long now = System.currentTimeMillis();
            runtime.latency().record(batch.visibleAtMs() > 0 ? batch.visibleAtMs() : now, batch.producedAt());
            long processingMs = now - batch.startedAtMs();
            long schedulingDelayMs = Math.max(0, batch.startedAtMs() - time.milliseconds());
            runtime.status().batchDone(SpeedLayer.batchInstant(time), events, batch.invalid(), processingMs,
                    schedulingDelayMs, next);
            runtime.slowBatches().batchDone(SpeedLayer.batchInstant(time), events, processingMs, schedulingDelayMs,
                    runtime.timings().takeBatch(time.milliseconds()), now).ifPresent(System.out::println);
            runtime.book().committed(time).ifPresent(BatchBook::printWarning);
            runtime.batchCommitted(time);
        });
    }

    /** An output's work; it may throw anything, checked exceptions included (Spark's jobs do). */
    @FunctionalInterface
    interface Output {
        void run() throws Exception;
    }

    /**
     * Runs an output; any failure ends the JVM. Spark's {@code collect()} fails with a checked
     * {@code SparkException} that a {@code Runnable} would let through unseen: Spark would then go
     * on with the batch's next outputs, commit its offsets and lose what this one did not store.
     */
    private static void failStop(String output, Time time, Output work) {
        long start = System.currentTimeMillis();
        try {
            work.run();
            SpeedLayerRuntime.get().timings().record(time.milliseconds(), output, System.currentTimeMillis() - start);
        } catch (Exception | Error failure) {
            if (SpeedLayerRuntime.get().isStopping()) {
                // interrupted by a stop: the batch is replayed by the next start
                if (failure instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (failure instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(failure);
            }
            System.err.println("ERROR: the speed layer failed in its output \"" + output + "\" of batch " + time
                    + ": " + failure + ". It stops before committing the batch; see troubleshooting.md#stream-failed.");
            failure.printStackTrace();
            SpeedLayerRuntime.get().status().state("failed", null);
            Runtime.getRuntime().halt(3); // before Spark marks the batch done: the restart replays it
        }
    }
}
