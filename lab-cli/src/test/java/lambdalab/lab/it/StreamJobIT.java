package lambdalab.lab.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import lambdalab.lab.Lab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code lab stream start|stop|status} on a lab instance of its own (the last step is `lab down`), with
 * the test double {@link FakeStatusWritingJob} as the job's process: the lab's part is starting,
 * watching, restarting and stopping that process, which is the same for the real Spark job.
 * The steps build on each other, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StreamJobIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(90);

    private Lab lab;

    @BeforeAll
    void startLab() {
        lab = TestLab.newInstance("lab-stream-", Map.of("stream.main.class", FakeStatusWritingJob.class.getName(),
                "stream.heap", "64m", "stream.batch.ms", "300", "stream.stop.timeout.seconds", "20"));
        assertThat(lab.startInBackground(System.out, OptionalLong.of(ProcessHandle.current().pid()))).isTrue();
    }

    @AfterAll
    void destroyLab() {
        TestLab.destroy(lab);
    }

    @Test
    @Order(1)
    void beforeAStartTheJobIsListedAsNotStartedAndTheLabCountsAsReady() throws Exception {
        LabCli.Run status = LabCli.run(lab, "status", "--json");
        assertThat(status.exitCode()).as("the job is optional").isZero();
        JsonNode job = streamJob(status);
        assertThat(job.path("state").asText()).isEqualTo("STOPPED");
        assertThat(job.path("detail").asText()).isEqualTo("not started: ./lab stream start");
        assertThat(LabCli.run(lab, "status").output()).contains("stream: not started: ./lab stream start");
    }

    @Test
    @Order(2)
    void startWaitsUntilTheJobRunsAndStatusShowsItsPid() throws Exception {
        LabCli.Run start = LabCli.run(lab, "stream", "start");
        assertThat(start.exitCode()).as(start.output()).isZero();
        assertThat(start.output()).contains("The stream job is ready (PID");

        JsonNode job = streamJob(LabCli.run(lab, "status", "--json"));
        assertThat(job.path("state").asText()).isEqualTo("READY");
        long pid = job.path("pid").asLong();
        assertThat(pid).isPositive();
        assertThat(job.path("rssBytes").asLong()).isPositive();
        assertThat(job.path("restarts").asInt()).isZero();
        assertThat(arguments(pid)).contains("-Xmx64m", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED")
                .containsSubsequence("--kafka", lab.endpoints().kafkaBootstrapServers())
                .containsSubsequence("--hdfs", lab.endpoints().hdfsUri());

        LabCli.Run again = LabCli.run(lab, "stream", "start");
        assertThat(again.exitCode()).isZero();
        assertThat(again.output()).contains("already runs (PID " + pid + "); nothing changed");
    }

    @Test
    @Order(3)
    void streamStatusShowsTheJobsOwnReport() throws Exception {
        await().atMost(WAIT).until(() -> statusReport().path("batches").asLong() >= 2);
        LabCli.Run text = LabCli.run(lab, "stream", "status");
        assertThat(text.exitCode()).as(text.output()).isZero();
        assertThat(text.output()).contains("stream job: ready, PID").contains("recovered from fresh")
                .contains("events (0 invalid), processing 12 ms, scheduling delay 1 ms").contains("partition 0: ");
        JsonNode json = JSON.readTree(LabCli.run(lab, "stream", "status", "--json").output());
        assertThat(json.path("report").path("pid").asLong()).isEqualTo(json.path("job").path("pid").asLong());
        assertThat(json.path("eventsPerSecond").asDouble()).isEqualTo(10 * 1000.0 / 300);
    }

    @Test
    @Order(4)
    void aKilledJobIsRestartedByTheSupervisor() throws Exception {
        long before = streamJob(LabCli.run(lab, "status", "--json")).path("pid").asLong();
        ProcessHandle killed = ProcessHandle.of(before).orElseThrow();
        killed.destroyForcibly();

        await("stream restarted and ready").atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode job = streamJob(LabCli.run(lab, "status", "--json"));
            return job.path("state").asText().equals("READY") && job.path("pid").asLong() != before;
        });
        JsonNode after = streamJob(LabCli.run(lab, "status", "--json"));
        assertThat(after.path("restarts").asInt()).isEqualTo(1);
        assertThat(killed.isAlive()).isFalse();
        assertThat(statusReport().path("pid").asLong()).isEqualTo(after.path("pid").asLong());
    }

    @Test
    @Order(5)
    void stopEndsTheJobGracefullyAndTheLabKeepsRunning() throws Exception {
        ProcessHandle job = jobProcess();
        LabCli.Run stop = LabCli.run(lab, "stream", "stop");
        assertThat(stop.exitCode()).as(stop.output()).isZero();
        assertThat(stop.output()).contains("The stream job stopped in");

        assertThat(job.isAlive()).isFalse();
        assertThat(statusReport().path("state").asText()).as("SIGTERM, not a kill").isEqualTo("stopped");
        assertThat(lab.wantedJobs().current("stream")).isEmpty();
        LabCli.Run status = LabCli.run(lab, "status", "--json");
        assertThat(status.exitCode()).isZero();
        assertThat(streamJob(status).path("state").asText()).isEqualTo("STOPPED");
        assertThat(LabCli.run(lab, "stream", "status").exitCode()).isEqualTo(3);
        assertThat(LabCli.run(lab, "stream", "stop").output()).contains("was not running; nothing changed");
    }

    @Test
    @Order(6)
    void downStopsARunningJobBeforeTheServicesAndForgetsTheRequest() throws Exception {
        assertThat(LabCli.run(lab, "stream", "start").exitCode()).isZero();
        ProcessHandle job = jobProcess();

        LabCli.Run down = LabCli.run(lab, "down");
        assertThat(down.exitCode()).as(down.output()).isZero();

        assertThat(job.isAlive()).isFalse();
        JsonNode report = statusReport();
        assertThat(report.path("state").asText()).isEqualTo("stopped");
        assertThat(report.path("kafkaUpAtStop").asBoolean()).as("the job stopped while Kafka still ran").isTrue();
        assertThat(lab.wantedJobs().current("stream")).as("the next `lab up` starts the services only").isEmpty();

        LabCli.Run start = LabCli.run(lab, "stream", "start");
        assertThat(start.exitCode()).isEqualTo(1);
        assertThat(start.output()).contains("the lab is not running: start it with ./lab up");
    }

    private static JsonNode streamJob(LabCli.Run status) throws Exception {
        JsonNode jobs = JSON.readTree(status.output()).path("jobs");
        List<String> names = new java.util.ArrayList<>();
        jobs.forEach(job -> names.add(job.path("name").asText()));
        assertThat(names).containsExactly("stream", "plus-app", "plus-speed");
        return jobs.get(0);
    }

    /** The running job's process: its handle knows the start time, so a reused PID is never taken for it. */
    private ProcessHandle jobProcess() throws Exception {
        long pid = streamJob(LabCli.run(lab, "status", "--json")).path("pid").asLong();
        return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("the job's PID " + pid + " is not running"));
    }

    private JsonNode statusReport() throws Exception {
        Path file = lab.settings().runDir().resolve("stream-status.json");
        return JSON.readTree(Files.readString(file));
    }

    /** From /proc: ProcessHandle.Info cuts a command line this long (the lab's classpath) short. */
    private static List<String> arguments(long pid) throws IOException {
        return List.of(Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).split("\u0000"));
    }
}
