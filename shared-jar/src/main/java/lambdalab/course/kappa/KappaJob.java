package lambdalab.course.kappa;

import com.datastax.oss.driver.api.core.CqlSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import lambdalab.course.JobArguments;
import lambdalab.course.kafka.KafkaTopics;
import lambdalab.course.spark.LabSpark;
import lambdalab.course.speed.HourAggregate;
import lambdalab.course.speed.StreamStatus;
import lambdalab.course.views.LambdaSchema;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.GroupStateTimeout;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/**
 * The Kappa job (module 10): ONE Spark Structured Streaming job for live processing and for
 * reprocessing. Version N reads the clickstream topic from its earliest offset, decodes each record
 * as the Lambda speed layer does (rejected ones to the dead-letter topic), keeps the events its
 * {@link KappaChange} keeps, aggregates them per (product, hour) in Spark's state under an event-time
 * watermark ({@link HourGroupUpdate}, late events counted) and upserts each micro-batch's changed
 * rows into {@code kappa.activity_by_product_vN} / {@code kappa.visitors_by_product_vN}
 * ({@link KappaBatchWriter}). Its checkpoint (offsets, state, commits) is its own, so a crashed job
 * resumes exactly, and a new version starts from offset 0 beside the one serving.
 *
 * <p>Run by {@code lab kappa start|replay}; the shared jar can be given to {@code spark-submit} with
 * the same arguments.
 */
public final class KappaJob {

    /** Above Spark's (50, 51) and Hadoop's file systems' (10) shutdown hooks: runs first. */
    private static final int STOP_HOOK_PRIORITY = 100;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(25);
    /**
     * Two cores: one shuffle partition each. The state store has as many partitions, fixed by the
     * version's first run (its checkpoint), so this is chosen once per version.
     */
    static final int SHUFFLE_PARTITIONS = 2;

    private KappaJob() {
    }

    public static void main(String[] args) {
        KappaSettings settings;
        try {
            settings = KappaSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ERROR: " + e.getMessage());
            System.err.println(KappaSettings.USAGE);
            System.exit(2);
            return;
        }
        String master = JobArguments.master(JobArguments.parse(args));
        long started = System.nanoTime();
        RunningKappaJob job;
        try {
            job = start(settings, master);
        } catch (RuntimeException | TimeoutException failure) {
            System.err.println("ERROR: the Kappa job " + settings.version() + " did not start: " + rootMessage(failure));
            failure.printStackTrace();
            System.exit(1);
            return;
        }
        // SIGTERM: stop the query before Spark's own hooks stop the SparkContext under it; a batch cut
        // short is run again from the checkpoint by the next start, with the same result
        ShutdownHookManager.get().addShutdownHook(job::stop, STOP_HOOK_PRIORITY, STOP_TIMEOUT.toSeconds(),
                TimeUnit.SECONDS);
        System.out.printf("Kappa job %s running (started in %.1f s): %s from %s -> %s.%s/%s, change %s, lateness %d min.%n",
                settings.version(), (System.nanoTime() - started) / 1e9, settings.topic(), job.recoveredFrom(),
                KappaSchema.KEYSPACE, settings.version().activityTable(), settings.version().visitorsTable(),
                settings.change().wireName(), settings.lateness().toMinutes());
        try {
            job.query().awaitTermination();
            job.progress().status().state("stopped", null);
        } catch (Exception failure) { // a failed batch arrives here as a StreamingQueryException
            System.err.println("ERROR: the Kappa job " + settings.version() + " failed: " + rootMessage(failure));
            failure.printStackTrace();
            // Spark's non-daemon threads would keep a broken job alive: end it; the supervisor restarts
            // it and Spark runs the failed batch again from the checkpoint
            Runtime.getRuntime().halt(3);
        }
    }

    /** The running query and what the lab reads of it. */
    public record RunningKappaJob(StreamingQuery query, KappaProgress progress, CqlSession session, String recoveredFrom) {
        void stop() {
            progress.status().state("stopping", null);
            try {
                query.stop();
            } catch (TimeoutException e) {
                System.err.println("WARNING: the Kappa query did not stop in time: " + e.getMessage());
            }
            session.close();
        }
    }

    /** Starts version {@code settings.version()} in this JVM (from its checkpoint when it has one). */
    public static RunningKappaJob start(KappaSettings settings, String master) throws TimeoutException {
        String bootstrap = settings.endpoints().kafkaBootstrapServers();
        KafkaTopics.ensureLogTopic(bootstrap, settings.topic(), 2);
        KafkaTopics.keepEverything(bootstrap, settings.topic()); // a topic created before keeps what is left
        KafkaTopics.ensureTopic(bootstrap, settings.deadLetterTopic(), 1, Map.of("cleanup.policy", "compact"));
        CqlSession session = LambdaSchema.openJobSession(settings.endpoints());
        KappaSchema.createVersion(session, settings.version());
        LabSpark.keepDriverOnLoopback();
        SparkSession spark = LabSpark.builder("kappa " + settings.version(), master, settings.endpoints())
                .config("spark.sql.shuffle.partitions", Integer.toString(SHUFFLE_PARTITIONS))
                // without new records Spark would still run a micro-batch every trigger for the state's
                // timeouts: the whole stateful step and the sink, 2 s of CPU per second on this machine,
                // forever. The timeouts only let idle state go; the next batch with records runs them
                .config("spark.sql.streaming.noDataMicroBatches.enabled", "false")
                .getOrCreate();
        LabSpark.refreshCassandraSchema(spark);
        String recoveredFrom = KappaCheckpoint.read(settings.checkpointDir()).isPresent() ? "checkpoint" : "fresh";
        StreamStatus status = new StreamStatus(settings.statusFile() == null ? null : Path.of(settings.statusFile()),
                settings.triggerMs());
        LongAccumulator invalid = spark.sparkContext().longAccumulator("kappa-rejected");
        KappaProgress progress = new KappaProgress(status, invalid);
        spark.streams().addListener(progress);
        status.state("starting", recoveredFrom);
        StreamingQuery query = build(spark, settings, invalid)
                .writeStream()
                .queryName("kappa-" + settings.version().label())
                .outputMode(OutputMode.Update())
                .option("checkpointLocation", settings.checkpointDir())
                .trigger(Trigger.ProcessingTime(settings.triggerMs()))
                .foreachBatch(new KappaBatchWriter(settings.version(), session, progress))
                .start();
        status.state("running", recoveredFrom);
        return new RunningKappaJob(query, progress, session, recoveredFrom);
    }

    /** The job's dataflow, from the Kafka source to the per-(product, hour) rows each micro-batch changed. */
    static Dataset<KappaRow> build(SparkSession spark, KappaSettings settings, LongAccumulator invalid) {
        Dataset<Row> records = spark.readStream().format("kafka")
                .option("kafka.bootstrap.servers", settings.endpoints().kafkaBootstrapServers())
                .option("subscribe", settings.topic())
                // a new version (no checkpoint) reads the whole log; a restart resumes from its checkpoint
                .option("startingOffsets", "earliest")
                .option("maxOffsetsPerTrigger", Long.toString(settings.maxOffsetsPerTrigger()))
                // offsets deleted by retention would make the view silently incomplete: fail instead
                .option("failOnDataLoss", "true")
                .load()
                .select("topic", "partition", "offset", "value");
        Dataset<KappaEvent> events = records.mapPartitions(new KappaDecoder(settings.endpoints().kafkaBootstrapServers(),
                settings.topic(), settings.deadLetterTopic(), settings.change(), invalid), Encoders.bean(KappaEvent.class));
        return events
                .withWatermark("eventTime", settings.lateness().toMinutes() + " minutes")
                .groupByKey((MapFunction<KappaEvent, Tuple2<String, Long>>) event ->
                        new Tuple2<>(event.getProduct(), event.getTimestampHour()), Encoders.tuple(Encoders.STRING(), Encoders.LONG()))
                .flatMapGroupsWithState(new HourGroupUpdate(settings.idleTimeout()), OutputMode.Update(),
                        Encoders.javaSerialization(HourAggregate.class), Encoders.bean(KappaRow.class),
                        GroupStateTimeout.ProcessingTimeTimeout());
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
