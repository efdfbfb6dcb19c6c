package lambdalab.lab.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lambdalab.course.JobArguments;
import lambdalab.course.LabEndpoints;
import lambdalab.lab.settings.LabSettings;
import lambdalab.lab.supervisor.WantedJobs;

/**
 * The speed-layer job (Spark Streaming, main class {@code lambdalab.course.speed.SpeedLayerJob} in
 * shared-jar) as a supervised JVM of the lab: not a service that {@code lab up} starts, but a job the
 * supervisor runs on demand ({@code lab stream start}). It has no services/ module and no configs of
 * its own (see {@link SparkJobService}).
 */
public final class StreamJobService extends SparkJobService {

    public static final String NAME = "stream";

    private final LabEndpoints endpoints;

    public StreamJobService(LabSettings settings, LabEndpoints endpoints) {
        super(settings);
        this.endpoints = endpoints;
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
        return settings.get("stream.main.class");
    }

    /** The job's arguments from the settings, then a drill's that its request carries (see {@link WantedJobs}). */
    @Override
    protected List<String> mainArguments() {
        List<String> arguments = new ArrayList<>(settingsArguments());
        arguments.addAll(JobArguments.replicationArguments(endpoints.replication()));
        arguments.addAll(WantedJobs.in(settings.runDir()).drillArguments(NAME));
        return arguments;
    }

    private List<String> settingsArguments() {
        return List.of(
                "--kafka", endpoints.kafkaBootstrapServers(),
                "--cassandra", endpoints.cassandraHost() + ":" + endpoints.cassandraPort(),
                "--hdfs", endpoints.hdfsUri(),
                "--status-file", statusFile().path().toString(),
                "--batch-ms", Long.toString(settings.count("stream.batch.ms")),
                "--max-rate-per-partition", Long.toString(settings.count("stream.max.rate.per.partition")),
                "--state-timeout-minutes", Long.toString(settings.count("stream.state.timeout.minutes")),
                "--window-seconds", Integer.toString(settings.seconds("stream.window.seconds")),
                "--topic", settings.get("stream.topic"),
                "--partitions", Long.toString(settings.count("stream.partitions")));
    }

    @Override
    public Duration stopTimeout() {
        return Duration.ofSeconds(settings.seconds("stream.stop.timeout.seconds"));
    }
}
