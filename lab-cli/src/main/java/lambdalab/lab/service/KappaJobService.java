package lambdalab.lab.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lambdalab.course.JobArguments;
import lambdalab.course.LabEndpoints;
import lambdalab.course.kappa.KappaVersion;
import lambdalab.lab.settings.LabSettings;

/**
 * One version of the Kappa job (Spark Structured Streaming, main class
 * {@code lambdalab.course.kappa.KappaJob}) as an on-demand job of the supervisor, named after its
 * version ({@code kappa-v2}). Its folder in the lab's data ({@link KappaVersions}) holds its change
 * and its checkpoint, so the supervisor restarts it computing what it computed before, from where
 * its last committed micro-batch ended.
 */
public final class KappaJobService extends SparkJobService {

    private final LabEndpoints endpoints;
    private final KappaVersion version;
    private final KappaVersions versions;

    public KappaJobService(LabSettings settings, LabEndpoints endpoints, KappaVersion version) {
        super(settings);
        this.endpoints = endpoints;
        this.version = version;
        this.versions = new KappaVersions(settings);
    }

    public KappaVersion version() {
        return version;
    }

    @Override
    public String name() {
        return version.jobName();
    }

    /** Every version runs the same job on the same jars: one class archive for all of them. */
    @Override
    protected String archiveName() {
        return "kappa";
    }

    @Override
    public String controlCommand() {
        return "./lab kappa";
    }

    @Override
    public String startCommand() {
        return "./lab kappa replay --version " + version.number() + " (or ./lab kappa start for the current version)";
    }

    @Override
    protected String heapSetting() {
        return "kappa.heap";
    }

    @Override
    protected String mainClass() {
        return "lambdalab.course.kappa.KappaJob";
    }

    @Override
    protected List<String> mainArguments() {
        long perTrigger = settings.count("kappa.max.offsets.per.partition") * settings.count("stream.partitions");
        List<String> arguments = new ArrayList<>(List.of(
                "--kafka", endpoints.kafkaBootstrapServers(),
                "--cassandra", endpoints.cassandraHost() + ":" + endpoints.cassandraPort(),
                "--topic", settings.get("stream.topic"),
                "--version", Integer.toString(version.number()),
                "--change", versions.change(version).wireName(),
                "--checkpoint-dir", versions.checkpoint(version),
                "--status-file", statusFile().path().toString(),
                "--lateness-minutes", Long.toString(settings.count("kappa.lateness.minutes")),
                "--trigger-ms", Long.toString(settings.count("kappa.trigger.ms")),
                "--max-offsets-per-trigger", Long.toString(perTrigger),
                "--idle-minutes", Long.toString(settings.count("kappa.idle.minutes"))));
        arguments.addAll(JobArguments.replicationArguments(endpoints.replication()));
        return arguments;
    }

    @Override
    public Duration stopTimeout() {
        return Duration.ofSeconds(settings.seconds("kappa.stop.timeout.seconds"));
    }
}
