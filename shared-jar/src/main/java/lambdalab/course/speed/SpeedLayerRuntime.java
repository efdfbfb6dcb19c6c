package lambdalab.course.speed;

import java.nio.file.Path;
import lambdalab.course.views.LambdaSchema;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

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
    private final StreamStatus status;
    private final RawBatchWriter rawWriter;
    private StreamViews views;
    private DeadLetters deadLetters;

    private SpeedLayerRuntime(StreamSettings settings) {
        this.settings = settings;
        this.status = new StreamStatus(settings.statusFile() == null ? null : Path.of(settings.statusFile()),
                settings.batchIntervalMs());
        this.rawWriter = new RawBatchWriter(settings.rawPath(), settings.topic());
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

    StreamStatus status() {
        return status;
    }

    RawBatchWriter rawWriter() {
        return rawWriter;
    }

    synchronized StreamViews views() {
        if (views == null) {
            views = new StreamViews(LambdaSchema.openSession(settings.endpoints()));
        }
        return views;
    }

    synchronized DeadLetters deadLetters() {
        if (deadLetters == null) {
            deadLetters = new DeadLetters(settings.endpoints().kafkaBootstrapServers(), settings.deadLetterTopic(),
                    settings.topic());
        }
        return deadLetters;
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
