package lambdalab.lab.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import lambdalab.lab.Lab;
import lambdalab.lab.service.Endpoint;
import lambdalab.lab.supervisor.ServiceState;
import lambdalab.lab.supervisor.ServiceStatus;
import lambdalab.lab.system.Ports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole life of an instance through the `lab` commands, on a second instance of its own:
 * up, up again (changes nothing), status --json, a supervisor crash, down (nothing left), and the
 * bad states that must end with a clear message.
 */
class LabLifecycleIT {

    private final List<Lab> instances = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        instances.forEach(TestLab::destroy);
    }

    private Lab newInstance(Map<String, String> settings) {
        Lab lab = TestLab.newInstance("lab-lifecycle-", settings);
        instances.add(lab);
        return lab;
    }

    /** On one instance (the second start is a restart, which is faster): a clean life, then a supervisor crash. */
    @Test
    void upStatusDownLeaveNothingRunningAndDownAfterASupervisorCrashStopsTheOrphanedServices() throws Exception {
        Lab lab = newInstance(Map.of());
        LabCli.Run up = lab(lab, "up");
        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output()).contains("All 4 services ready");
        List<ServiceStatus> started = lab.status();
        assertThat(started).extracting(ServiceStatus::state).containsOnly(ServiceState.READY);

        LabCli.Run again = lab(lab, "up");
        assertThat(again.exitCode()).isZero();
        assertThat(again.output()).contains("already running; nothing changed");
        assertThat(lab.status()).extracting(ServiceStatus::pid)
                .containsExactlyElementsOf(started.stream().map(ServiceStatus::pid).toList());

        JsonNode json = new ObjectMapper().readTree(lab(lab, "status", "--json").output());
        assertThat(json.path("services")).hasSize(4);
        for (JsonNode service : json.path("services")) {
            assertThat(service.path("state").asText()).isEqualTo("READY");
            assertThat(service.path("pid").asLong()).isPositive();
            assertThat(service.path("rssBytes").asLong()).isPositive();
            assertThat(service.path("restarts").asInt()).isZero();
        }

        List<ProcessHandle> processes = new ArrayList<>(handles(started.stream().map(ServiceStatus::pid).toList()));
        processes.add(lab.runningSupervisor().orElseThrow());
        LabCli.Run down = lab(lab, "down");
        assertThat(down.exitCode()).as(down.output()).isZero();
        assertNothingLeft(lab, processes);

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
        Lab lab = newInstance(Map.of());
        int kafkaPort = lab.settings().port("kafka.port");
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), kafkaPort));
            LabCli.Run up = lab(lab, "up");
            assertThat(up.exitCode()).isEqualTo(1);
            assertThat(up.output()).contains("Port " + kafkaPort + " (kafka broker) is taken by PID "
                    + ProcessHandle.current().pid());
            assertThat(lab.runningSupervisor()).isEmpty();
        }
    }

    @Test
    void tooLittleMemoryIsRefusedWithTheHeapsToLower() {
        Lab lab = newInstance(Map.of("cassandra.heap", "4096g"));
        LabCli.Run up = lab(lab, "up");
        assertThat(up.exitCode()).isEqualTo(1);
        assertThat(up.output()).contains("of memory and only").contains("cassandra.heap");
        assertThat(lab.runningSupervisor()).isEmpty();
    }

    @Test
    void aCorruptDataDirectoryEndsWithTheCauseAndTheFix() throws IOException {
        Lab lab = newInstance(Map.of());
        Path kafkaData = lab.settings().dataDir().resolve("kafka");
        Files.createDirectories(kafkaData);
        // a meta.properties that belongs to no cluster: what a damaged or mixed-up data dir looks like
        Files.writeString(kafkaData.resolve("meta.properties"), "version=1\nnode.id=7\ncluster.id=not-a-cluster\n");

        LabCli.Run up = lab(lab, "up");
        assertThat(up.exitCode()).as(up.output()).isEqualTo(1);
        assertThat(up.output()).contains("kafka did not start")
                .contains("not restarted: a restart would meet the same kafka-storage error")
                .contains("lab reset --yes")
                .contains(lab.settings().logsDir().resolve("kafka.log").toString());
        assertThat(lab.runningSupervisor()).isEmpty();
        assertNothingLeftOnPorts(lab);
    }

    @Test
    void aServiceThatNeverBecomesReadyEndsWithTheTimeoutAndTheLogToRead() {
        Lab lab = newInstance(Map.of("ready.timeout.seconds", "1"));
        LabCli.Run up = lab(lab, "up");
        assertThat(up.exitCode()).as(up.output()).isEqualTo(1);
        assertThat(up.output()).contains("not ready after 1 s").contains(lab.settings().logsDir().toString());
        assertThat(lab.runningSupervisor()).isEmpty();
        assertNothingLeftOnPorts(lab);
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
