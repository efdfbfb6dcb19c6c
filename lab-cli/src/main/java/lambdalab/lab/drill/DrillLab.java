package lambdalab.lab.drill;

import com.datastax.oss.driver.api.core.CqlSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import lambdalab.course.LabEndpoints;
import lambdalab.course.kafka.KafkaTopics;
import lambdalab.course.serving.ViewReader;
import lambdalab.course.views.LambdaSchema;
import lambdalab.lab.JobProgress;
import lambdalab.lab.Lab;
import lambdalab.lab.service.StreamJobService;
import lambdalab.lab.service.StreamJobStatus;
import lambdalab.lab.supervisor.ServiceState;
import lambdalab.lab.supervisor.ServiceStatus;

/**
 * What the drills do to a running lab and ask of it, through its supervisor: restart a service, kill,
 * stop and start the speed layer (with a drill's arguments), wait until the speed layer has committed
 * every event; each action a step of the drill's table.
 */
final class DrillLab {

    private static final Duration SERVICE_READY = Duration.ofMinutes(5);

    /** How the speed layer's own lines about a start, a failure or a replacement of raw files begin. */
    private static final List<String> JOB_DECISIONS = List.of("Started in", "Speed layer running", "Replacing ",
            "Deleted ", "Replaying ", "The replay ", "WARNING: ", "NOTE: ", "ERROR: the speed layer",
            "The start failed", "Halting ", "Partition ");
    private static final int DECISIONS_SHOWN = 30;
    private static final int DECISION_WIDTH = 240;

    private final Lab lab;
    private final DrillTable table;
    /** Runs another `lab` command on the same instance (stream start/stop); returns its exit code. */
    private final Function<String[], Integer> labCommand;

    DrillLab(Lab lab, DrillTable table, Function<String[], Integer> labCommand) {
        this.lab = lab;
        this.table = table;
        this.labCommand = labCommand;
    }

    LabEndpoints endpoints() {
        return lab.endpoints();
    }

    String topic() {
        return lab.settings().get("stream.topic");
    }

    /** The topic exists and the speed layer runs; true when the drill started it (and stops it after). */
    Optional<Boolean> streamRunning() {
        KafkaTopics.ensureTopic(endpoints().kafkaBootstrapServers(), topic(),
                Integer.parseInt(lab.settings().get("stream.partitions")));
        if (status(StreamJobService.NAME).state() == ServiceState.READY) {
            table.step("speed layer", "was running", "PID " + status(StreamJobService.NAME).pid());
            return Optional.of(false);
        }
        if (labCommand.apply(new String[] {"stream", "start"}) != 0) {
            table.step("speed layer", "DID NOT START", "see ./lab logs stream");
            return Optional.empty();
        }
        table.step("speed layer", "started", "PID " + status(StreamJobService.NAME).pid());
        return Optional.of(true);
    }

    void stopStream() {
        labCommand.apply(new String[] {"stream", "stop"});
    }

    /**
     * Stops the speed layer (it finishes its batch) and starts it again with a drill's arguments (none:
     * as usual); true once it runs. The time between is the job's downtime.
     */
    boolean restartStream(String what, List<String> drillArguments) {
        Instant stoppedAt = Instant.now();
        if (labCommand.apply(new String[] {"stream", "stop"}) != 0) {
            table.step(what, "STOP FAILED", "see ./lab logs stream");
            return false;
        }
        String request = lab.wantedJobs().requestWithDrill(StreamJobService.NAME, drillArguments);
        boolean ready = new JobProgress(lab, lab.streamJob(), table.out())
                .awaitReady(request, lab.runningSupervisor().orElseThrow());
        table.step(what, ready ? "running again" : "DID NOT START", (drillArguments.isEmpty() ? "as usual"
                : String.join(" ", drillArguments)) + "; state from " + recoveredFrom() + ", down "
                + DrillTable.seconds(stoppedAt));
        return ready;
    }

    /** Where the speed layer's running process took its state from (its status file), or "?". */
    String recoveredFrom() {
        return streamReport().map(StreamJobStatus::recoveredFrom).orElse("?");
    }

    Optional<StreamJobStatus> streamReport() {
        try {
            return lab.streamJob().statusFile().read();
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** SIGKILL to the speed layer, as a crash; the supervisor starts it again. */
    boolean killStream() {
        ServiceStatus job = status(StreamJobService.NAME);
        Optional<ProcessHandle> process = job.pid() > 0 ? ProcessHandle.of(job.pid()) : Optional.empty();
        if (process.isEmpty()) {
            return false;
        }
        process.get().destroyForcibly();
        process.get().onExit().join();
        return true;
    }

    /** Waits until the supervisor has the speed layer running again after {@code restartsBefore} restarts. */
    Optional<Duration> awaitStreamBack(int restartsBefore, Instant since) throws InterruptedException {
        return awaitReady(StreamJobService.NAME, restartsBefore, since.plus(SERVICE_READY))
                .map(ready -> Duration.between(since, Instant.now()));
    }

    /** Stops the service's process (SIGTERM) and waits until the supervisor has it ready again. */
    boolean restartService(String service) throws InterruptedException {
        ServiceStatus before = status(service);
        int jobRestarts = status(StreamJobService.NAME).restarts();
        Instant stoppedAt = Instant.now();
        ProcessHandle.of(before.pid()).ifPresent(ProcessHandle::destroy);
        Optional<ServiceStatus> ready = awaitReady(service, before.restarts(), stoppedAt.plus(SERVICE_READY));
        if (ready.isEmpty()) {
            ServiceStatus now = status(service);
            table.step(service + " restart", "NOT READY after 5 min", now.state() + ": " + now.detail());
            return false;
        }
        table.step(service + " restart", "PID " + before.pid() + " stopped, " + ready.get().pid() + " ready",
                "down " + DrillTable.seconds(stoppedAt) + "; speed layer restarts so far +"
                        + (status(StreamJobService.NAME).restarts() - jobRestarts));
        return true;
    }

    /**
     * SIGKILL to the services' processes at the same moment, as a crash of their nodes would; waits
     * until the supervisor has started each again and it is ready (rejoined its cluster). One table
     * step per node, with how long it was gone; false when one was not running or did not come back.
     */
    boolean killNodes(List<String> services) throws InterruptedException {
        int jobRestarts = status(StreamJobService.NAME).restarts();
        List<ServiceStatus> before = new ArrayList<>();
        for (String service : services) {
            ServiceStatus node = status(service);
            if (node.pid() <= 0 || ProcessHandle.of(node.pid()).isEmpty()) {
                table.step(service + " kill -9", "NOT RUNNING", node.state() + ": " + node.detail());
                return false;
            }
            before.add(node);
        }
        Instant killedAt = Instant.now();
        for (ServiceStatus node : before) {
            ProcessHandle.of(node.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
        for (ServiceStatus node : before) {
            ProcessHandle.of(node.pid()).ifPresent(process -> process.onExit().join());
        }
        boolean allBack = true;
        for (ServiceStatus node : before) {
            allBack &= rejoined(node, killedAt, jobRestarts);
        }
        return allBack;
    }

    private boolean rejoined(ServiceStatus before, Instant killedAt, int jobRestarts) throws InterruptedException {
        String service = before.name();
        Optional<ServiceStatus> ready = awaitReady(service, before.restarts(), killedAt.plus(SERVICE_READY));
        if (ready.isEmpty()) {
            ServiceStatus now = status(service);
            table.step(service + " kill -9", "NOT BACK after 5 min", now.state() + ": " + now.detail());
            return false;
        }
        table.step(service + " kill -9", "PID " + before.pid() + " killed, " + ready.get().pid() + " rejoined",
                "gone " + DrillTable.seconds(killedAt) + "; speed layer restarts so far +"
                        + (status(StreamJobService.NAME).restarts() - jobRestarts));
        return true;
    }

    private Optional<ServiceStatus> awaitReady(String name, int restartsBefore, Instant deadline)
            throws InterruptedException {
        ServiceStatus now = status(name);
        while (!(now.state() == ServiceState.READY && now.restarts() > restartsBefore)) {
            if (Instant.now().isAfter(deadline)) {
                return Optional.empty();
            }
            Thread.sleep(250);
            now = status(name);
        }
        return Optional.of(now);
    }

    /** The first whole day after every hour the views hold, and not before 2030: the drill's events are alone there. */
    long firstFreeHour() {
        try (CqlSession session = LambdaSchema.openSession(endpoints())) {
            LambdaSchema.create(session, endpoints().replication());
            return new ViewReader(session).firstFreeDay();
        }
    }

    /**
     * Waits until the speed layer has committed every record in its topic (it may be restarting: it
     * waits for its services); false, with the job's last errors, when it has not within {@code catchUp}.
     */
    boolean awaitCaughtUp(Duration catchUp) throws InterruptedException {
        long expected = KafkaTopics.latestOffsets(endpoints().kafkaBootstrapServers(), topic()).values().stream()
                .mapToLong(Long::longValue).sum();
        Instant startedAt = Instant.now();
        try (CommittedOffsets offsets = new CommittedOffsets(endpoints(), topic())) {
            long committed = offsets.total();
            while (committed < expected) {
                if (Duration.between(startedAt, Instant.now()).compareTo(catchUp) > 0
                        || status(StreamJobService.NAME).state() == ServiceState.FAILED) {
                    table.step("speed layer catch-up", "NOT DONE", String.format(Locale.ROOT,
                            "committed %,d of %,d offsets; job %s; see ./lab logs stream", committed, expected,
                            status(StreamJobService.NAME).state()));
                    lastErrors(lab.streamJob().logFile()).forEach(table::detail);
                    return false;
                }
                Thread.sleep(250);
                committed = offsets.total();
            }
        }
        table.step("speed layer catch-up", "done", DrillTable.seconds(startedAt) + ", restarts so far "
                + status(StreamJobService.NAME).restarts());
        return true;
    }

    /**
     * The speed layer's committed offsets, read four times a second through one session. A session per
     * reading cost about 60 ms of CPU here and 100 ms in Cassandra (the driver reads the schema at
     * each connect), more than half a core taken from the job that is catching up. After a failed reading
     * (Cassandra restarting) the next one connects anew: the driver's own reconnection waits longer
     * and longer between attempts.
     */
    private static final class CommittedOffsets implements AutoCloseable {
        private final LabEndpoints endpoints;
        private final String topic;
        private CqlSession session;

        CommittedOffsets(LabEndpoints endpoints, String topic) {
            this.endpoints = endpoints;
            this.topic = topic;
        }

        /** The sum over partitions, or -1 when Cassandra did not answer (asked again a moment later). */
        long total() {
            try {
                if (session == null) {
                    session = LambdaSchema.openSession(endpoints);
                }
                return new ViewReader(session).streamCommittedOffsets(topic).values().stream()
                        .mapToLong(Long::longValue).sum();
            } catch (RuntimeException cassandraRestarting) {
                close();
                return -1;
            }
        }

        @Override
        public void close() {
            if (session != null) {
                session.close();
                session = null;
            }
        }
    }

    ServiceStatus status(String name) {
        List<ServiceStatus> all = new ArrayList<>(lab.status());
        all.addAll(lab.jobStatus());
        return all.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the lab has no " + name));
    }

    /** How many lines the speed layer's log has now: a later search looks only after them. */
    long streamLogLines() {
        try (Stream<String> lines = Files.lines(lab.streamJob().logFile(), StandardCharsets.ISO_8859_1)) {
            return lines.count();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    /** The speed layer's last log line after the first {@code skip} that contains {@code text}, if any. */
    Optional<String> lastStreamLogLine(String text, long skip) {
        try (Stream<String> lines = Files.lines(lab.streamJob().logFile(), StandardCharsets.ISO_8859_1)) {
            return lines.skip(skip).filter(line -> line.contains(text)).reduce((first, second) -> second);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /**
     * What the speed layer said, after the first {@code skip} lines of its log, about its starts,
     * failures and the raw files it replaced: the lines a drill that failed prints, so its table
     * alone tells what the job did (a test lab's logs go with it).
     */
    List<String> streamDecisions(long skip) {
        try (Stream<String> lines = Files.lines(lab.streamJob().logFile(), StandardCharsets.ISO_8859_1)) {
            List<String> decisions = lines.skip(skip).filter(line -> JOB_DECISIONS.stream().anyMatch(line::startsWith))
                    .map(line -> line.length() <= DECISION_WIDTH ? line : line.substring(0, DECISION_WIDTH) + " ...")
                    .toList();
            return decisions.subList(Math.max(0, decisions.size() - DECISIONS_SHOWN), decisions.size());
        } catch (IOException | UncheckedIOException e) {
            return List.of("(cannot read " + lab.streamJob().logFile() + ": " + e.getMessage() + ")");
        }
    }

    /** The job's last few ERROR lines, so a drill that failed says why. */
    private static List<String> lastErrors(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> errors = lines.filter(line -> line.contains("ERROR")).toList();
            return errors.subList(Math.max(0, errors.size() - 3), errors.size());
        } catch (IOException | UncheckedIOException e) {
            return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
        }
    }
}
