package lambdalab.course.speed;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import lambdalab.course.spark.LabSpark;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The job's SparkSession, then the first batch's warm-up on it ({@link FirstBatchWarmUp}), begun on
 * a thread of their own while the job's start talks to Kafka, Cassandra and HDFS (topics, commit
 * record, checkpoint). Neither half waits for the other until the streaming context needs the
 * session; on two cores they take little longer together than the longer one alone. Spark's
 * start and the warm-up are most of a start's CPU, the more so the first time after a build,
 * before the job's class archive exists: that start was ready in 13.4 s against 15.8 s (one run
 * each, learner settings); with the archive 6.1 s against 5.7 s, within the noise.
 */
final class SparkWarmStart {

    private final CompletableFuture<SparkSession> session = new CompletableFuture<>();
    private final CompletableFuture<Void> warmUp = new CompletableFuture<>();

    private SparkWarmStart(StreamSettings settings, String master, boolean warmUpFirst) {
        Thread thread = new Thread(() -> {
            try {
                SparkSession spark = build(settings, master);
                session.complete(spark);
                if (warmUpFirst) {
                    FirstBatchWarmUp.run(JavaSparkContext.fromSparkContext(spark.sparkContext()), settings);
                }
                warmUp.complete(null);
            } catch (RuntimeException | Error failure) {
                session.completeExceptionally(failure); // unless it was built: then only the warm-up failed
                warmUp.completeExceptionally(failure);
            }
        }, "spark-warm-start");
        thread.setDaemon(true);
        thread.start();
    }

    /** Begins building the session for {@code master}, then (when {@code warmUp}) warming it up. */
    static SparkWarmStart begin(StreamSettings settings, String master, boolean warmUp) {
        return new SparkWarmStart(settings, master, warmUp);
    }

    /** The session, once built: a streaming context read from a checkpoint runs on its SparkContext too. */
    SparkSession session() {
        return join(session);
    }

    /** Returns once the warm-up is done (at once without one). */
    void awaitWarmUp() {
        join(warmUp);
    }

    /** After a failed start: waits for the thread's work to end, whatever came of it, before Spark is stopped. */
    void awaitQuietly() {
        warmUp.exceptionally(failure -> null).join();
    }

    private static SparkSession build(StreamSettings settings, String master) {
        return LabSpark.builder("speed layer", master, settings.endpoints())
                .config("spark.streaming.kafka.maxRatePerPartition", Long.toString(settings.maxRatePerPartition()))
                .config("spark.streaming.backpressure.enabled", Boolean.toString(settings.backpressure()))
                // with backpressure, the first batch takes this many events per second (not the cap)
                .config("spark.streaming.backpressure.initialRate", Long.toString(settings.maxRatePerPartition() / 5))
                // the job's own stop finishes the batch in progress; Spark's "graceful" stop would
                // also process every batch queued behind it, minutes when the job is behind
                .config("spark.streaming.stopGracefullyOnShutdown", "false")
                .getOrCreate();
    }

    /** The task's own failure, not the future's wrapper: the start reports and retries on it. */
    private static <T> T join(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException failure) {
            if (failure.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure.getCause() instanceof Error error) {
                throw error;
            }
            throw failure;
        }
    }
}
