package lambdalab.course.lambdaplus;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import lambdalab.course.JobArguments;
import lambdalab.course.kafka.KafkaTopics;
import lambdalab.course.spark.LabSpark;
import lambdalab.course.speed.Checkpoints;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.StateSpec;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.CanCommitOffsets;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;
import scala.Tuple2;

/**
 * The Lambda+ speed job: every second, the readings that reached Kafka topic {@code sensor-readings}
 * become per-bucket rollups in {@code lambda_plus.bucket_rollups}, merged into the job's state per
 * bucket and written whole (upserts). Kafka offsets are committed after the write.
 *
 * <p>Exactly-once effect: the state and the offsets live in Spark's checkpoint; after a crash Spark
 * replays the batches in flight from the checkpointed state and the same offsets, and since each
 * write puts a bucket's whole rollup, a replayed batch writes the same rows again. A checkpoint older
 * than the horizon (or unreadable) is set aside: the job starts from the committed offsets with an
 * empty state, and the buckets it was in the middle of are written short until the batch job's next
 * run corrects them (the design's point: the batch layer is the authority, the speed layer is fast).
 *
 * <p>Run by {@code lab plus start}; the shared jar can be given to {@code spark-submit} with the same
 * arguments.
 */
public final class PlusSpeedJob {

    static final String USAGE = """
            Usage: PlusSpeedJob --kafka HOST:PORT --cassandra HOST:PORT --checkpoint-dir PATH|URI [options]
              --master URL                   Spark master (default: spark-submit's --master, else local[2])
              --status-file PATH             local JSON status file rewritten after each batch
              --batch-ms N                   batch interval (default 1000)
              --horizon-seconds N            readings older than this are the batch job's (default 300)
              --max-rate-per-partition N     readings/s per partition a batch may take (default 100000)""";

    /** Above Spark's (50, 51) and Hadoop's file systems' (10) shutdown hooks: runs first. */
    private static final int STOP_HOOK_PRIORITY = 100;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(25);

    private PlusSpeedJob() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options;
        PlusSpeedSettings settings;
        try {
            options = JobArguments.parse(args);
            settings = PlusSpeedSettings.parse(options);
        } catch (IllegalArgumentException e) {
            System.err.println("ERROR: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        long started = System.nanoTime();
        JavaStreamingContext context;
        try {
            context = start(settings, JobArguments.master(options));
        } catch (Exception failure) { // Spark throws checked exceptions it does not declare
            System.err.println("ERROR: the Lambda+ speed job did not start: " + rootMessage(failure));
            failure.printStackTrace();
            System.exit(1);
            return;
        }
        // SIGTERM: stop the streams gracefully (the batch in progress finishes and commits) BEFORE Spark's
        // own hooks stop the SparkContext under them (Spark's stopGracefullyOnShutdown runs too late)
        JavaStreamingContext running = context;
        ShutdownHookManager.get().addShutdownHook(() -> {
            PlusSpeedRuntime.get().status().state("stopping", null);
            running.stop(true, true);
        }, STOP_HOOK_PRIORITY, STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        System.out.printf("Lambda+ speed job running (started in %.1f s): %s -> %s.%s every %d ms, horizon %d s.%n",
                (System.nanoTime() - started) / 1e9, PlusSchema.TOPIC, PlusSchema.KEYSPACE, PlusSchema.BUCKET_ROLLUPS,
                settings.batchMs(), settings.horizon().toSeconds());
        try {
            context.awaitTermination();
            PlusSpeedRuntime.get().status().state("stopped", null);
        } catch (Exception failure) { // a failed batch arrives here as a (checked) SparkException
            System.err.println("ERROR: the Lambda+ speed job failed: " + rootMessage(failure));
            failure.printStackTrace();
            // Spark's non-daemon threads would keep a broken job alive: end it, the supervisor restarts
            // it and Spark replays the failed batch from the checkpoint
            Runtime.getRuntime().halt(3);
        }
    }

    /** Starts the job in this JVM (from its checkpoint when that is usable) and returns once it runs. */
    public static JavaStreamingContext start(PlusSpeedSettings settings, String master) {
        PlusSpeedRuntime runtime = PlusSpeedRuntime.install(settings);
        KafkaTopics.ensureTopic(settings.endpoints().kafkaBootstrapServers(), PlusSchema.TOPIC,
                PlusSchema.TOPIC_PARTITIONS);
        LabSpark.keepDriverOnLoopback();
        Configuration files = new Configuration();
        String from = "fresh";
        JavaStreamingContext context = null;
        Optional<Instant> newest = Checkpoints.newest(files, settings.checkpointDir());
        if (newest.isPresent()) {
            Optional<String> unusable = tooOld(newest.get(), settings);
            if (unusable.isEmpty()) {
                try {
                    context = JavaStreamingContext.getOrCreate(settings.checkpointDir(), () -> {
                        throw new IllegalStateException("the checkpoint vanished while starting");
                    }, files, false);
                    from = "checkpoint";
                } catch (Exception unreadable) { // a (checked) SparkException
                    unusable = Optional.of("this version of the job cannot read it (" + rootMessage(unreadable) + ")");
                }
            }
            if (context == null) {
                String aside = Checkpoints.moveAside(files, settings.checkpointDir());
                System.out.println("WARNING: not restarting from the checkpoint: " + unusable.orElseThrow()
                        + ". Moved it to " + aside + "; starting from the committed Kafka offsets with an empty state"
                        + " (the batch job's next run corrects the buckets in progress).");
            }
        }
        if (context == null) {
            context = create(settings, master);
        }
        runtime.status().state("starting", from);
        context.start();
        runtime.status().state("running", from);
        return context;
    }

    /**
     * A checkpoint written longer ago than the horizon holds only buckets the batch job owns by now,
     * and Spark would first run one (empty) batch per second the job was down.
     */
    private static Optional<String> tooOld(Instant newest, PlusSpeedSettings settings) {
        Duration age = Duration.between(newest, Instant.now());
        return age.compareTo(settings.horizon()) <= 0 ? Optional.empty()
                : Optional.of("it is " + age.toSeconds() + " s old, older than the horizon ("
                + settings.horizon().toSeconds() + " s)");
    }

    private static JavaStreamingContext create(PlusSpeedSettings settings, String master) {
        SparkSession spark = LabSpark.builder("lambda+ speed", master, settings.endpoints())
                .config("spark.streaming.kafka.maxRatePerPartition", Long.toString(settings.maxRatePerPartition()))
                .getOrCreate();
        JavaStreamingContext context = new JavaStreamingContext(
                org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext()),
                Durations.milliseconds(settings.batchMs()));
        context.checkpoint(settings.checkpointDir());
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(context,
                LocationStrategies.PreferConsistent(),
                ConsumerStrategies.<String, String>Subscribe(List.of(PlusSchema.TOPIC), kafkaParameters(settings)));
        long horizonMs = settings.horizon().toMillis();
        JavaPairDStream<Long, Rollup> perBucket = stream.transformToPair(
                (rdd, time) -> bucketsOf(rdd, time.milliseconds() - horizonMs));
        perBucket.mapWithState(StateSpec.function(new BucketStateUpdate())
                        // a bucket's state outlives the horizon: every reading the job still takes finds it
                        .timeout(Durations.milliseconds(horizonMs + 60_000)))
                .foreachRDD(changed -> PlusSpeedRuntime.get().writeBuckets(changed.collect()));
        // registered after the write, so it runs after it within each batch
        stream.foreachRDD((rdd, time) -> {
            OffsetRange[] ranges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
            ((CanCommitOffsets) stream.inputDStream()).commitAsync(ranges);
            PlusSpeedRuntime.get().batchDone(time, ranges);
        });
        return context;
    }

    /**
     * A batch's readings rolled up per bucket; readings older than {@code oldest} (the batch's time
     * minus the horizon: decided by the batch's time, so a replay decides alike) and messages that
     * are no reading are only counted.
     */
    static JavaPairRDD<Long, Rollup> bucketsOf(JavaRDD<ConsumerRecord<String, String>> records, long oldest) {
        return records.mapToPair(record -> {
            SensorReading reading;
            try {
                reading = SensorReading.fromLine(record.value());
            } catch (IllegalArgumentException | NullPointerException notAReading) {
                return new Tuple2<>(BucketStateUpdate.INVALID, Rollup.of(0));
            }
            long bucket = reading.timeBucket();
            return bucket < TimeBuckets.bucketOf(oldest) ? new Tuple2<>(BucketStateUpdate.LATE, Rollup.of(0))
                    : new Tuple2<>(bucket, Rollup.of(reading.value()));
        }).reduceByKey(Rollup::merge);
    }

    private static Map<String, Object> kafkaParameters(PlusSpeedSettings settings) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("bootstrap.servers", settings.endpoints().kafkaBootstrapServers());
        parameters.put("key.deserializer", StringDeserializer.class);
        parameters.put("value.deserializer", StringDeserializer.class);
        parameters.put("group.id", PlusSpeedSettings.GROUP_ID);
        parameters.put("auto.offset.reset", "earliest");
        parameters.put("enable.auto.commit", false);
        return parameters;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
