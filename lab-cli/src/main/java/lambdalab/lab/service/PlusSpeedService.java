package lambdalab.lab.service;

import java.util.ArrayList;
import java.util.List;
import lambdalab.course.JobArguments;
import lambdalab.course.LabEndpoints;
import lambdalab.lab.settings.LabSettings;

/**
 * The Lambda+ speed job (Spark Streaming every second, main class
 * {@code lambdalab.course.lambdaplus.PlusSpeedJob}): Kafka topic {@code sensor-readings} to
 * {@code lambda_plus.bucket_rollups}. An on-demand job ({@code lab plus start}); its checkpoint is a
 * local folder of the lab's data, since Lambda+ keeps its data in Cassandra only.
 */
public final class PlusSpeedService extends SparkJobService {

    public static final String NAME = "plus-speed";

    private final LabEndpoints endpoints;

    public PlusSpeedService(LabSettings settings, LabEndpoints endpoints) {
        super(settings);
        this.endpoints = endpoints;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String controlCommand() {
        return "./lab plus";
    }

    @Override
    protected String heapSetting() {
        return "plus.speed.heap";
    }

    @Override
    protected String mainClass() {
        return "lambdalab.course.lambdaplus.PlusSpeedJob";
    }

    @Override
    protected List<String> mainArguments() {
        List<String> arguments = new ArrayList<>(List.of(
                "--kafka", endpoints.kafkaBootstrapServers(),
                "--cassandra", endpoints.cassandraHost() + ":" + endpoints.cassandraPort(),
                // a file: URI: a bare path would be taken as one on the default file system (HDFS)
                "--checkpoint-dir", "file://" + settings.dataDir().resolve("plus").resolve("speed-checkpoint").toAbsolutePath(),
                "--status-file", statusFile().path().toString(),
                "--batch-ms", Long.toString(settings.count("plus.batch.ms")),
                "--horizon-seconds", Integer.toString(settings.seconds("plus.horizon.seconds"))));
        arguments.addAll(JobArguments.replicationArguments(endpoints.replication()));
        return arguments;
    }
}
