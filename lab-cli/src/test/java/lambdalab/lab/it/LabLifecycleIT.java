package lambdalab.lab.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import lambdalab.lab.Lab;
import lambdalab.lab.service.Endpoint;
import lambdalab.lab.supervisor.ServiceState;
import lambdalab.lab.supervisor.ServiceStatus;
import lambdalab.lab.system.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole life of an instance through the `lab` commands, on a second instance of its own, in
 * ordered steps that build on each other: up, up again (changes nothing), status --json, the stream
 * job's start, status, restart after a kill and stop, a `lab down` with the job running, then a
 * restart and a supervisor crash whose orphans `lab down` still stops. The stream job is the test
 * double {@link FakeStatusWritingJob}: the lab's part is starting, watching, restarting and stopping
 * that process, which is the same for the real Spark job. One instance serves all the steps because
 * each start of a lab costs a Cassandra start.
 *
 * <p>Then the bad states that must end with a clear message, each on an instance that never starts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabLifecycleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(90);

    private Lab lab;
    private List<ServiceStatus> firstServices;
    private final List<Lab> unstarted = new ArrayList<>();

    @BeforeAll
    void createTheInstance() {
        lab = TestLab.newInstance("lab-lifecycle-", Map.of("stream.main.class", FakeStatusWritingJob.class.getName(),
                "stream.heap", "64m", "stream.batch.ms", "300", "stream.stop.timeout.seconds", "20"));
    }

    @AfterAll
    void destroyTheInstance() {
        TestLab.destroy(lab);
    }

    @AfterEach
    void destroyUnstartedInstances() {
        unstarted.forEach(TestLab::destroy);
        unstarted.clear();
    }

    @Test
    @Order(1)
    void upStartsEveryServiceAndUpAgainChangesNothing() throws Exception {
        LabCli.Run up = lab(lab, "up");
        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output()).contains("All 4 services ready");
        firstServices = lab.status();
        assertThat(firstServices).extracting(ServiceStatus::state).containsOnly(ServiceState.READY);

        LabCli.Run again = lab(lab, "up");
        assertThat(again.exitCode()).isZero();
        assertThat(again.output()).contains("already running; nothing changed");
        assertThat(lab.status()).extracting(ServiceStatus::pid)
                .containsExactlyElementsOf(firstServices.stream().map(ServiceStatus::pid).toList());

        JsonNode json = JSON.readTree(lab(lab, "status", "--json").output());
        assertThat(json.path("services")).hasSize(4);
        for (JsonNode service : json.path("services")) {
            assertThat(service.path("state").asText()).isEqualTo("READY");
            assertThat(service.path("pid").asLong()).isPositive();
            assertThat(service.path("rssBytes").asLong()).isPositive();
            assertThat(service.path("restarts").asInt()).isZero();
        }
    }

    @Test
    @Order(2)
    void beforeAStartTheStreamJobIsListedAsNotStartedAndTheLabCountsAsReady() throws Exception {
        LabCli.Run status = lab(lab, "status", "--json");
        assertThat(status.exitCode()).as("the job is optional").isZero();
        JsonNode job = streamJob(status);
        assertThat(job.path("state").asText()).isEqualTo("STOPPED");
        assertThat(job.path("detail").asText()).isEqualTo("not started: ./lab stream start");
        assertThat(lab(lab, "status").output()).contains("stream: not started: ./lab stream start");
    }

    @Test
    @Order(3)
    void streamStartWaitsUntilTheJobRunsAndStatusShowsItsPid() throws Exception {
        LabCli.Run start = lab(lab, "stream", "start");
        assertThat(start.exitCode()).as(start.output()).isZero();
        assertThat(start.output()).contains("The stream job is ready (PID");

        JsonNode job = streamJob(lab(lab, "status", "--json"));
        assertThat(job.path("state").asText()).isEqualTo("READY");
        long pid = job.path("pid").asLong();
        assertThat(pid).isPositive();
        assertThat(job.path("rssBytes").asLong()).isPositive();
        assertThat(job.path("restarts").asInt()).isZero();
        assertThat(arguments(pid)).contains("-Xmx64m", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED")
                .containsSubsequence("--kafka", lab.endpoints().kafkaBootstrapServers())
                .containsSubsequence("--hdfs", lab.endpoints().hdfsUri());

        LabCli.Run again = lab(lab, "stream", "start");
        assertThat(again.exitCode()).isZero();
        assertThat(again.output()).contains("already runs (PID " + pid + "); nothing changed");
    }

    @Test
    @Order(4)
    void streamStatusShowsTheJobsOwnReport() throws Exception {
        await().atMost(WAIT).until(() -> statusReport().path("batches").asLong() >= 2);
        LabCli.Run text = lab(lab, "stream", "status");
        assertThat(text.exitCode()).as(text.output()).isZero();
        assertThat(text.output()).contains("stream job: ready, PID").contains("recovered from fresh")
                .contains("events (0 invalid), processing 12 ms, scheduling delay 1 ms").contains("partition 0: ");
        JsonNode json = JSON.readTree(lab(lab, "stream", "status", "--json").output());
        assertThat(json.path("report").path("pid").asLong()).isEqualTo(json.path("job").path("pid").asLong());
        assertThat(json.path("eventsPerSecond").asDouble()).isEqualTo(10 * 1000.0 / 300);
    }

    @Test
    @Order(5)
    void aKilledStreamJobIsRestartedByTheSupervisor() throws Exception {
        long before = streamJob(lab(lab, "status", "--json")).path("pid").asLong();
        ProcessHandle killed = ProcessHandle.of(before).orElseThrow();
        killed.destroyForcibly();

        await("stream restarted and ready").atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode job = streamJob(lab(lab, "status", "--json"));
            return job.path("state").asText().equals("READY") && job.path("pid").asLong() != before;
        });
        JsonNode after = streamJob(lab(lab, "status", "--json"));
        assertThat(after.path("restarts").asInt()).isEqualTo(1);
        assertThat(killed.isAlive()).isFalse();
        assertThat(statusReport().path("pid").asLong()).isEqualTo(after.path("pid").asLong());
    }

    @Test
    @Order(6)
    void streamStopEndsTheJobGracefullyAndTheLabKeepsRunning() throws Exception {
        ProcessHandle job = streamJobProcess();
        LabCli.Run stop = lab(lab, "stream", "stop");
        assertThat(stop.exitCode()).as(stop.output()).isZero();
        assertThat(stop.output()).contains("The stream job stopped in");

        assertThat(job.isAlive()).isFalse();
        assertThat(statusReport().path("state").asText()).as("SIGTERM, not a kill").isEqualTo("stopped");
        assertThat(lab.wantedJobs().current("stream")).isEmpty();
        LabCli.Run status = lab(lab, "status", "--json");
        assertThat(status.exitCode()).isZero();
        assertThat(streamJob(status).path("state").asText()).isEqualTo("STOPPED");
        assertThat(lab(lab, "stream", "status").exitCode()).isEqualTo(3);
        assertThat(lab(lab, "stream", "stop").output()).contains("was not running; nothing changed");
    }

    @Test
    @Order(7)
    void downStopsARunningStreamJobBeforeTheServicesForgetsTheRequestAndLeavesNothingRunning() throws Exception {
        assertThat(lab(lab, "stream", "start").exitCode()).isZero();
        ProcessHandle job = streamJobProcess();
        List<ProcessHandle> processes = new ArrayList<>(handles(lab.status().stream().map(ServiceStatus::pid).toList()));
        assertThat(processes).extracting(ProcessHandle::pid).as("the services of the first start still run")
                .containsExactlyElementsOf(firstServices.stream().map(ServiceStatus::pid).toList());
        processes.add(lab.runningSupervisor().orElseThrow());

        LabCli.Run down = lab(lab, "down");
        assertThat(down.exitCode()).as(down.output()).isZero();

        assertThat(job.isAlive()).isFalse();
        JsonNode report = statusReport();
        assertThat(report.path("state").asText()).isEqualTo("stopped");
        assertThat(report.path("kafkaUpAtStop").asBoolean()).as("the job stopped while Kafka still ran").isTrue();
        assertThat(lab.wantedJobs().current("stream")).as("the next `lab up` starts the services only").isEmpty();
        assertNothingLeft(lab, processes);

        LabCli.Run start = lab(lab, "stream", "start");
        assertThat(start.exitCode()).isEqualTo(1);
        assertThat(start.output()).contains("the lab is not running: start it with ./lab up");
    }

    @Test
    @Order(8)
    void downAfterASupervisorCrashStopsTheOrphanedServices() {
        // the second start is a restart, which is faster
        assertThat(lab.startInBackground(System.out, OptionalLong.empty())).isTrue();
        List<ProcessHandle> restarted = handles(lab.status().stream().map(ServiceStatus::pid).toList());
        ProcessHandle supervisor = lab.runningSupervisor().orElseThrow();
        supervisor.destroyForcibly();
        supervisor.onExit().join();

        LabCli.Run orphans = lab(lab, "down");
        assertThat(orphans.output()).contains("left running by a supervisor that died");
        assertThat(orphans.exitCode()).as(orphans.output()).isZero();
        assertNothingLeft(lab, restarted);
    }

    @Test
    void aTakenPortStopsUpBeforeAnythingStartsAndNamesTheHolder() throws IOException {
        Lab fresh = unstarted(Map.of());
        int kafkaPort = fresh.settings().port("kafka.port");
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), kafkaPort));
            LabCli.Run up = lab(fresh, "up");
            assertThat(up.exitCode()).isEqualTo(1);
            assertThat(up.output()).contains("Port " + kafkaPort + " (kafka broker) is taken by PID "
                    + ProcessHandle.current().pid());
            assertThat(fresh.runningSupervisor()).isEmpty();
        }
    }

    @Test
    void tooLittleMemoryIsRefusedWithTheHeapsToLower() {
        Lab fresh = unstarted(Map.of("cassandra.heap", "4096g"));
        LabCli.Run up = lab(fresh, "up");
        assertThat(up.exitCode()).isEqualTo(1);
        assertThat(up.output()).contains("of memory and only").contains("cassandra.heap");
        assertThat(fresh.runningSupervisor()).isEmpty();
    }

    @Test
    void aCorruptDataDirectoryEndsWithTheCauseAndTheFix() throws IOException {
        Lab fresh = unstarted(Map.of());
        Path kafkaData = fresh.settings().dataDir().resolve("kafka");
        Files.createDirectories(kafkaData);
        // a meta.properties that belongs to no cluster: what a damaged or mixed-up data dir looks like
        Files.writeString(kafkaData.resolve("meta.properties"), "version=1\nnode.id=7\ncluster.id=not-a-cluster\n");

        LabCli.Run up = lab(fresh, "up");
        assertThat(up.exitCode()).as(up.output()).isEqualTo(1);
        assertThat(up.output()).contains("kafka did not start")
                .contains("not restarted: a restart would meet the same kafka-storage error")
                .contains("lab reset --yes")
                .contains(fresh.settings().logsDir().resolve("kafka.log").toString());
        assertThat(fresh.runningSupervisor()).isEmpty();
        assertNothingLeftOnPorts(fresh);
    }

    @Test
    void aServiceThatNeverBecomesReadyEndsWithTheTimeoutAndTheLogToRead() {
        Lab fresh = unstarted(Map.of("ready.timeout.seconds", "1"));
        LabCli.Run up = lab(fresh, "up");
        assertThat(up.exitCode()).as(up.output()).isEqualTo(1);
        assertThat(up.output()).contains("not ready after 1 s").contains(fresh.settings().logsDir().toString());
        assertThat(fresh.runningSupervisor()).isEmpty();
        assertNothingLeftOnPorts(fresh);
    }

    /** An instance for a test whose `lab up` must fail: destroyed after the test. */
    private Lab unstarted(Map<String, String> settings) {
        Lab instance = TestLab.newInstance("lab-lifecycle-", settings);
        unstarted.add(instance);
        return instance;
    }

    private static JsonNode streamJob(LabCli.Run status) throws Exception {
        JsonNode jobs = JSON.readTree(status.output()).path("jobs");
        List<String> names = new ArrayList<>();
        jobs.forEach(job -> names.add(job.path("name").asText()));
        assertThat(names).containsExactly("stream", "plus-app", "plus-speed");
        return jobs.get(0);
    }

    /** The running job's process: its handle knows the start time, so a reused PID is never taken for it. */
    private ProcessHandle streamJobProcess() throws Exception {
        long pid = streamJob(lab(lab, "status", "--json")).path("pid").asLong();
        return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("the job's PID " + pid + " is not running"));
    }

    private JsonNode statusReport() throws Exception {
        return JSON.readTree(Files.readString(lab.settings().runDir().resolve("stream-status.json")));
    }

    /** From /proc: ProcessHandle.Info cuts a command line this long (the lab's classpath) short. */
    private static List<String> arguments(long pid) throws IOException {
        return List.of(Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).split("\u0000"));
    }

    /**
     * The live processes of these PIDs, taken while they run: a handle knows its process's start time, so
     * it does not take a new process for it once the PID is reused (pid_max can be 32768).
     */
    private static List<ProcessHandle> handles(List<Long> pids) {
        return pids.stream().map(pid -> ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("PID " + pid
                + " is not running"))).toList();
    }

    private static void assertNothingLeft(Lab lab, List<ProcessHandle> processes) {
        for (ProcessHandle process : processes) {
            assertThat(process.isAlive()).as("PID " + process.pid()).isFalse();
        }
        assertNothingLeftOnPorts(lab);
        assertThat(lab.status()).extracting(ServiceStatus::state).containsOnly(ServiceState.STOPPED);
    }

    private static void assertNothingLeftOnPorts(Lab lab) {
        for (var service : lab.services().all()) {
            for (Endpoint endpoint : service.endpoints()) {
                assertThat(Ports.isFree(endpoint.host(), endpoint.port())).as(endpoint.address()).isTrue();
            }
        }
    }

    private static LabCli.Run lab(Lab lab, String... args) {
        return LabCli.run(lab, args);
    }
}
