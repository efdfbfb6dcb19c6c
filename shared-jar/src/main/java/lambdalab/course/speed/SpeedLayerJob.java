package lambdalab.course.speed;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import lambdalab.course.JobArguments;
import lambdalab.course.LabEndpoints;
import lambdalab.course.exercises.ingest.ResumeOffsets;
import lambdalab.course.exercises.ingest.ResumeOffsetsSolution;
import lambdalab.course.exercises.operations.RestartChoice;
import lambdalab.course.exercises.operations.RestartChoiceSolution;
import lambdalab.course.exercises.operations.RestartFacts;
import lambdalab.course.exercises.operations.RestartSource;
import lambdalab.course.kafka.KafkaTopics;
import lambdalab.course.spark.LabSpark;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkContext$;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaStreamingContext;

/**
 * The speed layer as a program: {@code lab stream start} runs it as a supervised process of the lab,
 * and the shared jar can be given to {@code spark-submit} with the same arguments.
 *
 * <p>It starts from its checkpoint on HDFS when there is one (exact: the batches in flight when it
 * stopped are replayed with the same offsets). When the checkpoint cannot be read (typically after
 * an upgrade changed the job's classes), it is moved aside and the job starts again from the
 * offsets committed in Cassandra with the state read back from the stream views.
 */
public final class SpeedLayerJob {

    static final String USAGE = """
            Usage: SpeedLayerJob --kafka HOST:PORT --cassandra HOST:PORT --hdfs hdfs://HOST:PORT [options]
              --master URL                    Spark master (default: spark-submit's --master, else local[2])
              --topic NAME                    source topic (default weblogs-text)
              --dead-letter-topic NAME        where rejected records go (default weblogs-deadletter)
              --raw-path URI                  raw events dataset (default <hdfs>/lambda/raw/events)
              --checkpoint-dir URI            checkpoints (default <hdfs>/lambda/checkpoints/speed-layer)
              --partitions N                  partitions of the topic when it is created (default 2)
              --batch-ms N                    batch interval (default 1000)
              --max-rate-per-partition N      events/s per partition a batch may take (default 250000)
              --backpressure                  let Spark lower the rate when batches fall behind
              --state-timeout-minutes N       drop a (product, hour) state idle this long (default 120)
              --state-timeout-seconds N       the same in seconds (a drill's short timeout)
              --window-seconds N              sliding window of the window view (default 30)
              --status-file PATH              local JSON status file rewritten after each batch
              --no-warm-up                    read at once, without first running a batch's work on generated
                                              events (which makes the first batches of a fresh JVM slow)
              --wait-for-services SECONDS     wait this long for Kafka, Cassandra and HDFS to answer before
                                              starting (default 180: a restart during a service restart resumes)
              --max-missed-batches N          a checkpoint older than this many batches is set aside and the
                                              state rebuilt from the views (default: the window's batches)
              --halt-before-commit N          a drill: end the JVM before committing the N-th batch with events
                                              (its outputs written, its offsets not), as a kill there would
              --halt-after-commit N           a drill: end the JVM right after committing the N-th batch with
                                              events, before Spark marks it done (the restart replays it)
              --job-version V                 the version the job records beside its checkpoint (default 1); a
                                              start with another one sets the checkpoint aside and rebuilds its
                                              state from the views: raise it when a change makes the old
                                              checkpoint unusable (`lab drill upgrade` does)
              --drill-lose-percent N          a drill: leave about N% of the valid events out of the stream views,
                                              as if lost before the speed layer (they stay in Kafka and the raw
                                              dataset, so a batch run counts them); the log and status say so""";

    /** The version recorded beside a checkpoint; raise it with a change that makes old checkpoints unusable. */
    public static final String JOB_VERSION = "1";

    /** Above Spark's (50, 51) and Hadoop's file systems' (10): runs first. */
    private static final int STOP_HOOK_PRIORITY = 100;
    private static final ResumeOffsets RESUME = new ResumeOffsetsSolution();
    private static final RestartChoice RESTART = new RestartChoiceSolution();
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private SpeedLayerJob() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options;
        StreamSettings settings;
        try {
            options = parse(args);
            settings = settings(options);
        } catch (IllegalArgumentException e) {
            System.err.println("ERROR: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        RunningSpeedLayer job;
        StartupTimes times = new StartupTimes();
        times.step("JVM");
        try {
            job = startWhenServicesAnswer(settings, options, times);
        } catch (Exception failure) { // Spark also throws checked exceptions it does not declare
            // Spark's threads would keep a JVM that failed to start alive (and never ready)
            System.err.println("ERROR: the speed layer did not start: " + rootMessage(failure));
            if (!(failure instanceof StartRefused)) {
                failure.printStackTrace();
            }
            System.exit(1);
            return;
        }
        System.out.println(times.summary());
        if (job.messageLoss().active()) {
            System.out.println("WARNING: " + job.messageLoss().describe());
        }
        System.out.println("Speed layer running (state from " + job.recoveredFrom() + "), reading " + settings.topic()
                + " every " + settings.batchIntervalMs() + " ms. Stop it with SIGTERM: the batch in progress finishes and commits first.");
        // SIGTERM: before Spark's own hooks (and before Hadoop closes its file systems), let the
        // batch in progress finish and commit, then stop
        ShutdownHookManager.get().addShutdownHook(job::close, STOP_HOOK_PRIORITY, STOP_TIMEOUT.toSeconds() + 10,
                TimeUnit.SECONDS);
        try {
            job.awaitTermination();
        } catch (SpeedLayerRuntime.SpeedLayerStopping expected) {
            // a batch due while stopping was left for the next start
        } catch (Exception failure) { // Spark reports a failed batch here, as a (checked) SparkException
            if (!job.isStopping()) {
                // Spark's non-daemon threads would keep a broken job alive and looking "running"
                System.err.println("ERROR: the speed layer failed: " + rootMessage(failure));
                failure.printStackTrace();
                job.markFailed();
                Runtime.getRuntime().halt(3); // the supervisor restarts it from the checkpoint
            }
        }
    }

    /**
     * Waits for the services, then starts; a start that fails while the wait's time is not up is
     * tried again (a service that just came back may not serve everything yet: a DataNode's
     * blocks, Cassandra's schema), so a job restarted during a service restart resumes instead of
     * using up its supervisor's start attempts.
     */
    private static RunningSpeedLayer startWhenServicesAnswer(StreamSettings settings, Map<String, String> options,
                                                             StartupTimes times) throws InterruptedException {
        Duration wait = Duration.ofSeconds(number(options, "wait-for-services",
                options.getOrDefault("wait-for-services", "180")));
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            Duration left = Duration.between(Instant.now(), deadline);
            ServiceWait.await(settings.endpoints(), left.isNegative() ? Duration.ZERO : left);
            times.step("services answer");
            try {
                return start(settings, JobArguments.master(options),
                        Integer.parseInt(options.getOrDefault("partitions", "2")), restartRules(options, settings), times);
            } catch (StartRefused refused) {
                throw refused;
            } catch (Exception failure) { // Spark's checked exceptions too, undeclared
                if (Instant.now().isAfter(deadline)) {
                    throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
                }
                System.out.println("The start failed (" + rootMessage(failure) + "); trying again in 5 s.");
                stopSpark();
                Thread.sleep(5000);
            }
        }
    }

    /** What a failed start left running, so that the next attempt starts clean. */
    private static void stopSpark() {
        scala.Option<SparkContext> active = SparkContext$.MODULE$.getActive();
        if (active.isDefined()) {
            active.get().stop();
        }
    }

    /** Starts the speed layer in this JVM and returns once it runs. */
    public static RunningSpeedLayer start(StreamSettings settings, String master, int partitions) {
        return start(settings, master, partitions,
                new RestartRules(windowBatches(settings), 0, false, JOB_VERSION, MessageLoss.NONE, false),
                new StartupTimes());
    }

    /**
     * How this run starts and which drills it runs.
     *
     * @param maxMissedBatches a checkpoint older than this many batch intervals is set aside
     * @param haltAtBatch a drill: end the JVM at the commit of the N-th batch with events (0: never)
     * @param haltAfterCommit end it right after that commit instead of before it
     * @param jobVersion recorded beside a new checkpoint; a checkpoint of another version is set aside
     * @param messageLoss the lost-messages drill, or none
     * @param warmUp run a batch's work once on generated events before reading ({@link FirstBatchWarmUp})
     */
    private record RestartRules(int maxMissedBatches, int haltAtBatch, boolean haltAfterCommit, String jobVersion,
                                MessageLoss messageLoss, boolean warmUp) {
    }

    /**
     * Spark restarts from a checkpoint by first running a batch for every interval the job was down,
     * a few hundred milliseconds each even when empty: after a night off, tens of thousands. Once the
     * job was down for longer than its window, the checkpoint holds nothing the views do not (the
     * window would be empty, the state is in the views), so past that many missed batches it
     * rebuilds its state from the views instead, which is as exact and takes a second.
     */
    private static int windowBatches(StreamSettings settings) {
        return (int) (settings.windowSeconds() * 1000L / settings.batchIntervalMs());
    }

    private static RestartRules restartRules(Map<String, String> options, StreamSettings settings) {
        String halt = options.containsKey("halt-after-commit") ? "halt-after-commit" : "halt-before-commit";
        return new RestartRules(number(options, "max-missed-batches",
                        options.getOrDefault("max-missed-batches", Integer.toString(windowBatches(settings)))),
                number(options, halt, options.getOrDefault(halt, "0")), halt.equals("halt-after-commit"),
                options.getOrDefault("job-version", JOB_VERSION),
                new MessageLoss(number(options, "drill-lose-percent", options.getOrDefault("drill-lose-percent", "0"))),
                !options.containsKey("no-warm-up"));
    }

    private static RunningSpeedLayer start(StreamSettings settings, String master, int partitions, RestartRules rules,
                                           StartupTimes times) {
        // Spark rebuilds its configuration from the checkpoint without the driver's address and
        // reads that from system properties instead: without them the driver would bind a
        // non-loopback interface after every restart
        LabSpark.keepDriverOnLoopback();
        SparkWarmStart spark = SparkWarmStart.begin(settings, master, rules.warmUp());
        try {
            return start(settings, master, partitions, rules, times, spark);
        } catch (RuntimeException | Error failure) {
            spark.awaitQuietly(); // a failed start's Spark is stopped next, not while the warm-up uses it
            throw failure;
        }
    }

    private static RunningSpeedLayer start(StreamSettings settings, String master, int partitions, RestartRules rules,
                                           StartupTimes times, SparkWarmStart spark) {
        SpeedLayerRuntime runtime = SpeedLayerRuntime.install(settings);
        runtime.haltAtCommit(rules.haltAtBatch(), rules.haltAfterCommit());
        runtime.messageLoss(rules.messageLoss());
        String bootstrap = settings.endpoints().kafkaBootstrapServers();
        KafkaTopics.ensureLogTopic(bootstrap, settings.topic(), partitions);
        if (settings.writeOutputs()) {
            KafkaTopics.ensureTopic(bootstrap, settings.deadLetterTopic(), 1, Map.of("cleanup.policy", "compact"));
        }
        times.step("topics");
        Configuration hadoop = LabSpark.hadoopConfiguration(settings.endpoints());
        StreamViews.Committed committed = settings.writeOutputs() ? runtime.guardReplays() : null;
        boolean replayUnfinished = committed != null && committed.replayUnfinished();
        times.step("commit record read");
        JavaStreamingContext context = null;
        String from = "checkpoint";
        Optional<Instant> newest = Checkpoints.newest(hadoop, settings.checkpointDir());
        if (newest.isPresent()) {
            Checkpoints.closeLeftOpenFiles(hadoop, settings.checkpointDir());
            List<String> changes = changedSettings(hadoop, settings, rules.jobVersion());
            RestartFacts facts = new RestartFacts(true, !changes.isEmpty(),
                    Checkpoints.missedBatches(newest.get(), Instant.now(), settings.batchIntervalMs()),
                    rules.maxMissedBatches(), behindTheCommit(newest.get(), settings, committed), replayUnfinished);
            RestartSource source = RESTART.choose(facts);
            times.step("checkpoint checked");
            Optional<String> unusable = source == RestartSource.CHECKPOINT ? Optional.empty()
                    : Optional.of(whyNotTheCheckpoint(facts, changes, newest.get(), settings, committed));
            if (source == RestartSource.REFUSE) {
                throw refusal(committed, "it cannot be used: " + unusable.orElseThrow());
            }
            if (unusable.isEmpty()) {
                noteAnOldCheckpointKept(facts);
                spark.session(); // the context read from the checkpoint runs on the session's SparkContext
                times.step("Spark");
                try {
                    context = JavaStreamingContext.getOrCreate(settings.checkpointDir(), () -> {
                        throw new IllegalStateException("the checkpoint vanished while starting");
                    }, hadoop, false);
                    RestoredOffsets.alignWithRestoredBatches(context).ifPresent(moved -> System.out.println(
                            "NOTE: the checkpoint's Kafka offsets ran ahead of the batches it holds (Spark wrote it"
                            + " while the job restarted); reading on from the end of its newest batch: " + moved + "."));
                    times.step("Spark from the checkpoint");
                } catch (Exception unreadable) { // Spark throws a (checked) SparkException
                    unusable = Optional.of("this version of the job cannot read it (" + rootMessage(unreadable) + ")");
                }
            }
            if (context == null) {
                setAside(hadoop, settings, committed, unusable.orElseThrow());
            }
        } else if (RESTART.choose(RestartFacts.noCheckpoint(replayUnfinished)) == RestartSource.REFUSE) {
            throw refusal(committed, "there is none");
        }
        if (context == null) {
            SpeedLayer.Recovery recovery = fromTheViews(runtime, hadoop, committed, rules.jobVersion(), times);
            context = create(settings, spark.session(), recovery, times);
            from = recovery.from();
        }
        runtime.status().state("starting", from);
        spark.awaitWarmUp();
        if (rules.warmUp()) {
            times.step("first batch warmed up");
        }
        try {
            context.start();
        } catch (Exception failure) { // Spark's checked exceptions too, undeclared
            if (!from.equals("checkpoint") || !rootMessage(failure).contains("lacks a SparkContext")) {
                throw failure instanceof RuntimeException runtimeFailure ? runtimeFailure
                        : new IllegalStateException(failure);
            }
            // the state stream of a job started from the views was never checkpointed (Spark does it
            // every 10 batches), and Spark falls back on that start's initial state, gone with its context
            context.stop(true, false);
            setAside(hadoop, settings, committed, "its state was never saved: the run that wrote it lasted fewer than"
                    + " 10 batches since it rebuilt its state from the views");
            return start(settings, master, partitions, rules, times);
        }
        times.step("streams started");
        runtime.status().state("running", from);
        return new RunningSpeedLayer(context, runtime, from);
    }

    /** Moves the checkpoint aside, unless an unfinished replay needs it (then the start is refused). */
    private static void setAside(Configuration hadoop, StreamSettings settings, StreamViews.Committed committed,
                                 String reason) {
        refuseRebuildDuringReplay(committed, "it cannot be used: " + reason);
        String aside = Checkpoints.moveAside(hadoop, settings.checkpointDir());
        System.out.println("WARNING: not restarting from the checkpoint: " + reason + ". Moved it to " + aside
                + "; rebuilding the state from the stream views. See troubleshooting.md#stream-checkpoint.");
    }

    /** The state read back from the views (or none: a first start, a reset), with a new checkpoint's settings. */
    private static SpeedLayer.Recovery fromTheViews(SpeedLayerRuntime runtime, Configuration hadoop,
                                                    StreamViews.Committed committed, String jobVersion,
                                                    StartupTimes times) {
        StreamSettings settings = runtime.settings();
        SpeedLayer.Recovery recovery = settings.writeOutputs() ? recoverFromViews(runtime, hadoop, committed)
                : SpeedLayer.Recovery.fresh();
        times.step("state from the views");
        CheckpointSettings.write(hadoop, settings.checkpointDir(), settings, jobVersion);
        return recovery;
    }

    /** The settings the checkpoint fixes that differ from the job's ("window (s) 30 -> 10"); empty if none. */
    private static List<String> changedSettings(Configuration hadoop, StreamSettings settings, String jobVersion) {
        Optional<Map<String, String>> recorded = CheckpointSettings.read(hadoop, settings.checkpointDir());
        if (recorded.isEmpty()) {
            System.out.println("NOTE: the checkpoint does not say which settings it was created with; a restart from it"
                    + " keeps its batch interval, window, state timeout, rate and Kafka address.");
            return List.of();
        }
        return CheckpointSettings.changes(recorded.get(), settings, jobVersion);
    }

    /** Why the checkpoint was not chosen, for the log: the first of the facts that rule it out. */
    private static String whyNotTheCheckpoint(RestartFacts facts, List<String> changes, Instant newest,
                                              StreamSettings settings, StreamViews.Committed committed) {
        if (facts.settingsChanged()) {
            return "settings it fixes changed (" + String.join(", ", changes) + ")";
        }
        if (facts.behindTheCommit()) {
            return "it is behind the commit: written at batch " + newest + ", before batch " + committed.batchTime()
                    + " committed its offsets (its writes lagged, as while HDFS was down)";
        }
        return String.format("it was written %s ago: Spark would first run one batch per missed interval"
                + " (%,d of %d ms, more than %d)", Duration.ofMillis(facts.missedBatches() * settings.batchIntervalMs())
                .toString().substring(2).toLowerCase(), facts.missedBatches(), settings.batchIntervalMs(),
                facts.maxMissedBatches());
    }

    /** Says so when an unfinished replay makes the job use a checkpoint older than it otherwise would. */
    private static void noteAnOldCheckpointKept(RestartFacts facts) {
        if (facts.missedBatches() > facts.maxMissedBatches()) {
            System.out.printf("NOTE: restarting from the checkpoint although it is %,d batches old (more than %d): the"
                    + " last run stopped while it replayed batches it had already committed, so the views are behind"
                    + " the commit record and only the checkpoint can bring them back exactly.%n",
                    facts.missedBatches(), facts.maxMissedBatches());
        }
    }

    /**
     * Whether the checkpoint is more than a batch older than the last committed batch: its writes
     * lagged the batches (HDFS was down or slow), so a restart from it would replay batches cut anew,
     * whose views were written since by other batches: a group entering the state there could not
     * tell its value back then. (One batch behind is the usual race between a checkpoint's write and
     * the batch's commit; its replay is exact.) The views hold exactly what the commit says.
     */
    private static boolean behindTheCommit(Instant newest, StreamSettings settings, StreamViews.Committed committed) {
        return committed != null && committed.batchTime() != null
                && newest.plusMillis(settings.batchIntervalMs()).isBefore(committed.batchTime());
    }

    private static JavaStreamingContext create(StreamSettings settings, SparkSession spark, SpeedLayer.Recovery recovery,
                                               StartupTimes times) {
        times.step("Spark");
        JavaStreamingContext context = new JavaStreamingContext(JavaSparkContext.fromSparkContext(spark.sparkContext()),
                Durations.milliseconds(settings.batchIntervalMs()));
        context.checkpoint(settings.checkpointDir());
        SpeedLayer.build(context, settings, recovery);
        times.step("streams built");
        return context;
    }

    /**
     * Without a checkpoint: continue after the offsets committed in Cassandra with the views as
     * state, after deleting raw files of batches that were never committed (they are read again).
     * With no committed offsets either (a first start, or a reset), start from the earliest offsets
     * Kafka holds: explicitly, never from the consumer group's offsets, so that exactly the raw files
     * from where reading starts are replaced and none before it is lost. Where each partition starts
     * is exercise 06.resume-offsets' reference solution.
     */
    private static SpeedLayer.Recovery recoverFromViews(SpeedLayerRuntime runtime, Configuration hadoop,
                                                        StreamViews.Committed committed) {
        StreamViews views = runtime.views();
        Map<Integer, Long> earliest = KafkaTopics.earliestOffsets(runtime.settings().endpoints().kafkaBootstrapServers(),
                runtime.settings().topic());
        Map<Integer, Long> offsets = RESUME.resumeFrom(committed.nextOffsets(), earliest);
        reportEventsGone(committed.nextOffsets(), offsets);
        int deleted = runtime.rawWriter().deleteFrom(hadoop, offsets);
        if (deleted > 0) {
            System.out.println("Deleted " + deleted + " raw files from offsets " + offsets
                    + " on: their events are read again.");
        }
        if (committed.isEmpty()) {
            // rows the views still hold were counted by a run that was reset: none of them is state
            return new SpeedLayer.Recovery("fresh", offsets, List.of(), ViewsBaseline.startingOver());
        }
        return new SpeedLayer.Recovery("views", offsets, views.readState(committed.batchTime(), committed.viewsSince()),
                ViewsBaseline.rebuiltAsOf(committed.viewsSince(), committed.batchTime()));
    }

    /**
     * The state cannot come from the views while a replay of committed batches is unfinished (see
     * {@link ReplayGuard}): the job does not start rather than lose the events the replay had not
     * reached again. The checkpoint stays where it is, so a start that can use it repairs everything.
     */
    private static void refuseRebuildDuringReplay(StreamViews.Committed committed, String checkpoint) {
        if (committed != null && committed.replayUnfinished()) {
            throw refusal(committed, checkpoint);
        }
    }

    private static StartRefused refusal(StreamViews.Committed committed, String checkpoint) {
        return new StartRefused("the job needs its checkpoint and " + checkpoint + ". The last run stopped while it"
                + " replayed batches it had already committed (it had to reach offsets " + committed.replayUntil()
                + " again): until then the views and the raw data are behind the offsets committed in Cassandra, and"
                + " a rebuild from the views would lose the events in between. Start the job once with the settings"
                + " and version its checkpoint was written with until it has caught up, then change them; or start"
                + " the lab's data over with `./lab reset --yes`. See troubleshooting.md#stream-replay.");
    }

    /** A start that must not be tried again: what is wrong does not go away by waiting. */
    static final class StartRefused extends RuntimeException {
        StartRefused(String message) {
            super(message);
        }
    }

    /** Says which events retention deleted before the job read them: the views can never count them. */
    private static void reportEventsGone(Map<Integer, Long> committed, Map<Integer, Long> from) {
        committed.forEach((partition, next) -> {
            long first = from.getOrDefault(partition, next);
            if (first > next) {
                System.out.println("Partition " + partition + ": offsets " + next + " to " + (first - 1) + " were deleted by "
                        + "Kafka's retention before the job read them; it goes on from " + first + ". A batch run over "
                        + "the raw data cannot count them either.");
            }
        });
    }

    /** The options that take no value. */
    private static final Set<String> FLAGS = Set.of("backpressure", "no-warm-up");

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
            }
            String name = args[i].substring(2);
            if (FLAGS.contains(name)) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return options;
    }

    static StreamSettings settings(Map<String, String> options) {
        String[] cassandra = required(options, "cassandra").split(":");
        if (cassandra.length != 2) {
            throw new IllegalArgumentException("--cassandra must be HOST:PORT, got '" + options.get("cassandra") + "'");
        }
        LabEndpoints endpoints = new LabEndpoints(required(options, "kafka"), cassandra[0],
                number(options, "cassandra", cassandra[1]), required(options, "hdfs"),
                JobArguments.replication(options));
        StreamSettings defaults = StreamSettings.defaults(endpoints);
        return defaults
                .withLocations(options.getOrDefault("topic", defaults.topic()),
                        options.getOrDefault("dead-letter-topic", defaults.deadLetterTopic()),
                        options.getOrDefault("checkpoint-dir", defaults.checkpointDir()),
                        options.getOrDefault("raw-path", defaults.rawPath()))
                .withBatchInterval(number(options, "batch-ms", options.getOrDefault("batch-ms", "1000")))
                .withRate(number(options, "max-rate-per-partition", options.getOrDefault("max-rate-per-partition", "250000")),
                        options.containsKey("backpressure"))
                .withState(stateTimeoutSeconds(options),
                        number(options, "window-seconds", options.getOrDefault("window-seconds", "30")))
                .withStatusFile(options.get("status-file"));
    }

    /** {@code --state-timeout-seconds}, else {@code --state-timeout-minutes} (the lab's setting), else 2 h. */
    private static int stateTimeoutSeconds(Map<String, String> options) {
        if (options.containsKey("state-timeout-seconds")) {
            return number(options, "state-timeout-seconds", options.get("state-timeout-seconds"));
        }
        return 60 * number(options, "state-timeout-minutes", options.getOrDefault("state-timeout-minutes", "120"));
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static int number(Map<String, String> options, String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + value + "'");
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
