package lambdalab.lab.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lambdalab.course.JobArguments;
import lambdalab.course.LabEndpoints;
import lambdalab.lab.settings.LabSettings;
import lambdalab.lab.supervisor.WantedJobs;

/**
 * The speed-layer job (Spark Streaming, main class {@code lambdalab.course.speed.SpeedLayerJob} in
 * shared-jar) as a supervised JVM of the lab: not a service that {@code lab up} starts, but a job the
 * supervisor runs on demand ({@code lab stream start}). It has no services/ module and no configs of
 * its own (see {@link SparkJobService}). In the cluster profile it is submitted to the lab's Spark
 * standalone cluster instead ({@link SparkSubmission}): this process is then its driver, with the same
 * arguments, and its executors run in the workers.
 */
public final class StreamJobService extends SparkJobService {

    public static final String NAME = "stream";

    private final LabEndpoints endpoints;
    private final Optional<SparkSubmission> submission;

    /** The job with Spark in its own JVM ({@code local[2]}), as the single-node lab runs it. */
    public StreamJobService(LabSettings settings, LabEndpoints endpoints) {
        this(settings, endpoints, Optional.empty());
    }

    /** @param submission how to submit it to the lab's Spark cluster; empty: Spark in its own JVM */
    public StreamJobService(LabSettings settings, LabEndpoints endpoints, Optional<SparkSubmission> submission) {
        super(settings);
        this.endpoints = endpoints;
        this.submission = submission;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected String heapSetting() {
        return "stream.heap";
    }

    @Override
    protected String mainClass() {
        return submission.isPresent() ? SparkSubmission.MAIN_CLASS : jobClass();
    }

    private String jobClass() {
        return settings.get("stream.main.class");
    }

    @Override
    protected List<String> mainArguments() {
        return submission.map(spark -> spark.arguments("lab stream", jobClass(), jobArguments())).orElse(jobArguments());
    }

    /** The job's arguments from the settings, then a drill's that its request carries (see {@link WantedJobs}). */
    private List<String> jobArguments() {
        List<String> arguments = new ArrayList<>(settingsArguments());
        arguments.addAll(JobArguments.replicationArguments(endpoints.replication()));
        arguments.addAll(WantedJobs.in(settings.runDir()).drillArguments(NAME));
        return arguments;
    }

    /** Submitted: a copy of the course jar taken for this start. */
    @Override
    public void prepare() {
        super.prepare();
        submission.ifPresent(SparkSubmission::prepare);
    }

    @Override
    protected List<String> jvmOptions() {
        List<String> options = new ArrayList<>(super.jvmOptions());
        submission.ifPresent(spark -> options.addAll(spark.driverJvmOptions()));
        return options;
    }

    /** Submitted: a Spark distribution's classpath (the course jar is SparkSubmit's argument). */
    @Override
    protected List<String> classpath() {
        return submission.map(SparkSubmission::classpath).orElseGet(super::classpath);
    }

    private List<String> settingsArguments() {
        List<String> arguments = new ArrayList<>(List.of(
                "--kafka", endpoints.kafkaBootstrapServers(),
                "--cassandra", endpoints.cassandraHost() + ":" + endpoints.cassandraPort(),
                "--hdfs", endpoints.hdfsUri(),
                "--status-file", statusFile().path().toString(),
                "--batch-ms", Long.toString(settings.count("stream.batch.ms")),
                "--max-rate-per-partition", Long.toString(settings.count("stream.max.rate.per.partition")),
                "--state-timeout-minutes", Long.toString(settings.count("stream.state.timeout.minutes")),
                "--window-seconds", Integer.toString(settings.seconds("stream.window.seconds")),
                "--topic", settings.get("stream.topic"),
                "--partitions", Long.toString(settings.count("stream.partitions"))));
        if (!Boolean.parseBoolean(settings.get("stream.warm.up"))) {
            arguments.add("--no-warm-up");
        }
        return arguments;
    }

    @Override
    public Duration stopTimeout() {
        return Duration.ofSeconds(settings.seconds("stream.stop.timeout.seconds"));
    }
}
