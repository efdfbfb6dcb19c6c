package lambdalab.lab.cli;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import java.util.Map;
import java.util.Optional;
import lambdalab.course.LabEndpoints;
import lambdalab.course.kafka.KafkaTopics;
import lambdalab.course.kappa.KappaCheckpoint;
import lambdalab.course.kappa.KappaVersion;
import lambdalab.course.kappa.VersionLag;
import lambdalab.course.kappa.VersionOffsets;
import lambdalab.course.kappa.ViewVersions;
import lambdalab.course.views.LambdaSchema;
import lambdalab.lab.JobProgress;
import lambdalab.lab.Lab;
import lambdalab.lab.service.KappaJobService;
import lambdalab.lab.supervisor.ServiceState;
import lambdalab.lab.supervisor.ServiceStatus;

/**
 * What the {@code lab kappa} commands share: the view versions in Cassandra, a version's lag (from
 * its checkpoint and the topic's end), and its job's start and stop through the supervisor.
 */
final class KappaControl implements AutoCloseable {

    private final Lab lab;
    private final CqlSession session;
    private final ViewVersions versions;
    private TopicOffsets topicOffsets;

    private KappaControl(Lab lab, CqlSession session) {
        this.lab = lab;
        this.session = session;
        this.versions = new ViewVersions(session, lab.endpoints().replication());
    }

    static KappaControl open(Lab lab) {
        LabEndpoints endpoints = lab.endpoints();
        try {
            return new KappaControl(lab, LambdaSchema.openSession(endpoints));
        } catch (AllNodesFailedException e) {
            throw QueryCommand.unreachable(endpoints, "", e);
        } catch (DriverTimeoutException e) {
            throw QueryCommand.unreachable(endpoints, " in time (" + e.getMessage() + ")", e);
        }
    }

    CqlSession session() {
        return session;
    }

    ViewVersions versions() {
        return versions;
    }

    /** How far the version's view is behind the topic's end (the whole topic before its first commit). */
    VersionLag lag(KappaVersion version) {
        return offsets(version).lag();
    }

    /** The topic's offsets and what the version's checkpoint says it committed. */
    VersionOffsets offsets(KappaVersion version) {
        Map<Integer, Long> committed = KappaCheckpoint.read(lab.kappaVersions().checkpoint(version))
                .map(KappaCheckpoint::offsets).orElse(Map.of());
        TopicOffsets topic = topicOffsets();
        return new VersionOffsets(topic.end(), topic.earliest(), committed);
    }

    /** The topic's first and next offsets, asked once per command: every version is measured against the same end. */
    private TopicOffsets topicOffsets() {
        if (topicOffsets == null) {
            String bootstrap = lab.endpoints().kafkaBootstrapServers();
            String topic = lab.settings().get("stream.topic");
            topicOffsets = KafkaTopics.exists(bootstrap, topic)
                    ? new TopicOffsets(KafkaTopics.earliestOffsets(bootstrap, topic), KafkaTopics.latestOffsets(bootstrap, topic))
                    : new TopicOffsets(Map.of(), Map.of());
        }
        return topicOffsets;
    }

    private record TopicOffsets(Map<Integer, Long> earliest, Map<Integer, Long> end) {
    }

    ServiceStatus jobStatus(KappaVersion version) {
        return jobStatus(lab, version);
    }

    static ServiceStatus jobStatus(Lab lab, KappaVersion version) {
        String name = version.jobName();
        return lab.jobStatus().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no job " + name + " (its folder is missing)"));
    }

    /** Asks the supervisor for the version's job unless it runs; waits until it is ready. */
    boolean startJob(KappaVersion version, boolean wait) {
        KappaJobService job = lab.kappaJob(version);
        ServiceStatus status = jobStatus(version);
        if (status.state() == ServiceState.READY) {
            System.out.println("The " + job.name() + " job already runs (PID " + status.pid() + "); left as it is.");
            return true;
        }
        String request = lab.wantedJobs().request(job.name());
        if (!wait) {
            System.out.println("Asked the supervisor to start the " + job.name() + " job; follow it with "
                    + "`./lab kappa status`.");
            return true;
        }
        System.out.println("Starting the " + job.name() + " job (log: " + job.logFile() + ") ...");
        return new JobProgress(lab, job, System.out).awaitReady(request, supervisor());
    }

    /** Withdraws the version's job and waits until its process is gone; true if it was not running. */
    boolean stopJob(KappaVersion version) {
        return stopJob(lab, version);
    }

    static boolean stopJob(Lab lab, KappaVersion version) {
        KappaJobService job = lab.kappaJob(version);
        ServiceStatus before = jobStatus(lab, version);
        lab.wantedJobs().withdraw(job.name());
        Optional<ProcessHandle> supervisor = lab.runningSupervisor();
        if (supervisor.isEmpty() || before.state() == ServiceState.STOPPED) {
            return true;
        }
        System.out.println("Stopping the " + job.name() + " job" + (before.pid() > 0 ? " (PID " + before.pid() + ")" : "")
                + " ...");
        JobProgress progress = new JobProgress(lab, job, System.out);
        boolean stopped = progress.awaitStopped(before.pid(), supervisor.get());
        if (stopped) {
            System.out.printf(java.util.Locale.ROOT, "The %s job stopped in %.1f s.%n", job.name(), progress.elapsedSeconds());
        }
        return stopped;
    }

    private ProcessHandle supervisor() {
        return lab.runningSupervisor().orElseThrow(() -> new lambdalab.lab.service.ServiceException(
                "the lab is not running: start it with ./lab up"));
    }

    /** The supervisor must run for any job to start: false (with the error printed) when it does not. */
    static boolean labRuns(Lab lab) {
        if (lab.runningSupervisor().isEmpty()) {
            System.err.println("ERROR: the lab is not running: start it with ./lab up");
            return false;
        }
        return true;
    }

    @Override
    public void close() {
        session.close();
    }
}
