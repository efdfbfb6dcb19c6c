package lambdalab.course.speed;

import java.nio.file.Path;
import java.time.Duration;
import lambdalab.course.views.LambdaSchema;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.streaming.Time;

/**
 * The driver-side things the output operations use: settings, Cassandra and Kafka clients, the
 * status file, the batch book. The job's topology is serialized into the checkpoint and read back
 * after a restart; these are not (connections cannot be), so the operations find them here, set up
 * by the running job.
 */
final class SpeedLayerRuntime implements AutoCloseable {

    private static volatile SpeedLayerRuntime current;

    private final StreamSettings settings;
    private final BatchBook book = new BatchBook();
    private final LatencyRecorder latency = new LatencyRecorder();
    private final OutputTimings timings = new OutputTimings();
    private final SlowBatchLog slowBatches;
    private final StreamStatus status;
    private final RawBatchWriter rawWriter;
    private StreamViews views;
    private DeadLetters deadLetters;
    private ReplayGuard replayGuard;
    /** The batch between its first output and its commit, or null: a stop waits for it. */
    private Time batchInProgress;
    private boolean stopping;
    /** For drills and tests: the job ends at the commit of this many-th batch with events (0: never). */
    private int haltAtBatch;
    /** Whether it ends after that commit (Spark has not marked the batch done) instead of before it. */
    private boolean haltAfterCommit;
    private int batchesWithEvents;
    /** The lost-messages drill (none unless the job was started with it); read per batch, never checkpointed. */
    private MessageLoss messageLoss = MessageLoss.NONE;

    private SpeedLayerRuntime(StreamSettings settings) {
        this.settings = settings;
        this.status = new StreamStatus(settings.statusFile() == null ? null : Path.of(settings.statusFile()),
                settings.batchIntervalMs());
        this.rawWriter = new RawBatchWriter(settings.rawPath(), settings.topic());
        this.slowBatches = new SlowBatchLog(settings.batchIntervalMs());
    }

    static SpeedLayerRuntime install(StreamSettings settings) {
        if (current != null) {
            current.close();
        }
        current = new SpeedLayerRuntime(settings);
        return current;
    }

    static SpeedLayerRuntime get() {
        SpeedLayerRuntime runtime = current;
        if (runtime == null) {
            throw new IllegalStateException("the speed layer is not running in this JVM");
        }
        return runtime;
    }

    /** The SparkSession of the streaming context's SparkContext (after a checkpoint restart, a new one). */
    static SparkSession session(SparkContext context) {
        return SparkSession.builder().config(context.getConf()).getOrCreate();
    }

    StreamSettings settings() {
        return settings;
    }

    BatchBook book() {
        return book;
    }

    LatencyRecorder latency() {
        return latency;
    }

    OutputTimings timings() {
        return timings;
    }

    SlowBatchLog slowBatches() {
        return slowBatches;
    }

    StreamStatus status() {
        return status;
    }

    RawBatchWriter rawWriter() {
        return rawWriter;
    }

    synchronized StreamViews views() {
        if (views == null) {
            views = new StreamViews(LambdaSchema.openJobSession(settings.endpoints()),
                    settings.endpoints().replication());
        }
        return views;
    }

    /** Reads the commit record and guards this run's replay of committed batches (see {@link ReplayGuard}). */
    synchronized StreamViews.Committed guardReplays() {
        StreamViews.Committed committed = views().committedOffsets(settings.topic());
        replayGuard = new ReplayGuard(views(), settings.topic(), committed);
        return committed;
    }

    /** Set when the job writes its outputs. */
    synchronized ReplayGuard replayGuard() {
        return replayGuard;
    }

    synchronized DeadLetters deadLetters() {
        if (deadLetters == null) {
            deadLetters = new DeadLetters(settings.endpoints().kafkaBootstrapServers(), settings.deadLetterTopic(),
                    settings.topic());
        }
        return deadLetters;
    }

    /**
     * Called as a batch's first output begins. Once a stop was requested no new batch begins: it
     * waits for the stop, the batch stays undone in the checkpoint and is replayed by the next start.
     */
    synchronized void batchBegins(Time time) {
        while (stopping) {
            try {
                wait(); // until the stop interrupts this thread: one quiet wait instead of an error per batch due
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SpeedLayerStopping(time);
            }
        }
        batchInProgress = time;
    }

    synchronized void haltAtCommit(int batchWithEvents, boolean afterCommit) {
        haltAtBatch = batchWithEvents;
        haltAfterCommit = afterCommit;
    }

    /** Counts a batch with events about to commit; true when the job is to die at its commit (a drill). */
    synchronized boolean dueToHalt() {
        return haltAtBatch > 0 && ++batchesWithEvents == haltAtBatch;
    }

    /** Turns the lost-messages drill on (and says so in the status file) or leaves it off. */
    synchronized void messageLoss(MessageLoss loss) {
        messageLoss = loss;
        status.drill(loss.active() ? loss.describe() : null);
    }

    synchronized MessageLoss messageLoss() {
        return messageLoss;
    }

    synchronized boolean haltsAfterCommit() {
        return haltAfterCommit;
    }

    /** No batch begins any more; one that fails from now on is being stopped, not broken. */
    synchronized void markStopping() {
        stopping = true;
    }

    synchronized boolean isStopping() {
        return stopping;
    }

    synchronized void batchCommitted(Time time) {
        if (time.equals(batchInProgress)) {
            batchInProgress = null;
            notifyAll();
        }
    }

    /** Lets the batch in progress finish its outputs and commit, and no other begin; false on timeout. */
    synchronized boolean stopAfterCurrentBatch(Duration timeout) {
        stopping = true;
        status.state("stopping", null);
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (batchInProgress != null && System.currentTimeMillis() < deadline) {
            try {
                wait(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return batchInProgress == null;
    }

    /** Thrown instead of beginning a batch after a stop was requested. */
    static final class SpeedLayerStopping extends RuntimeException {
        SpeedLayerStopping(Time time) {
            super("stopping: batch " + time + " is left for the next start");
        }
    }

    @Override
    public synchronized void close() {
        if (views != null) {
            views.close();
            views = null;
        }
        if (deadLetters != null) {
            deadLetters.close();
            deadLetters = null;
        }
    }
}
