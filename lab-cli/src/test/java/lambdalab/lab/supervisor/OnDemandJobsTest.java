package lambdalab.lab.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lambdalab.course.LabEndpoints;
import lambdalab.lab.service.StreamJobService;
import lambdalab.lab.settings.LabSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor's on-demand jobs, with no services and the test double of the job's process
 * ({@code FakeStatusWritingJob}) or a main class that does not exist: real processes, no lab.
 */
class OnDemandJobsTest {

    private static final String FAKE_JOB = "lambdalab.lab.it.FakeStatusWritingJob";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path home;

    private Supervisor supervisor;

    @AfterEach
    void stopSupervisor() {
        if (supervisor != null) {
            supervisor.stop();
        }
    }

    private Supervisor start(String mainClass) {
        LabSettings settings = LabSettings.load(home, Map.of(), Map.of("stream.main.class", mainClass,
                "stream.heap", "64m", "stream.batch.ms", "200", "stream.stop.timeout.seconds", "20"));
        // nothing listens there: the fake job does not need the services
        StreamJobService job = new StreamJobService(settings, new LabEndpoints("127.0.0.1:1", "127.0.0.1", 1, "hdfs://127.0.0.1:1"));
        supervisor = new Supervisor(settings, List.of(), List.of(job), status -> { });
        supervisor.start();
        return supervisor;
    }

    private ServiceStatus job() {
        return supervisor.state().job("stream").orElseThrow();
    }

    @Test
    void aWantedJobRunsUntilItsRequestIsWithdrawn() throws IOException {
        start(FAKE_JOB);
        assertThat(job().state()).isEqualTo(ServiceState.STOPPED);
        assertThat(job().detail()).isEqualTo("not started: ./lab stream start");

        String request = WantedJobs.in(home.resolve("run")).request("stream");
        await().atMost(WAIT).until(() -> job().state() == ServiceState.READY);
        long pid = job().pid();
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(); // knows its start time: safe from PID reuse
        assertThat(supervisor.state().jobRequests()).containsEntry("stream", request);
        assertThat(new StateFile(home.resolve("run")).read().orElseThrow().job("stream").orElseThrow().pid()).isEqualTo(pid);
        assertThat(supervisor.state().allReady()).as("no services, and a job does not count").isFalse();

        WantedJobs.in(home.resolve("run")).withdraw("stream");
        await().atMost(WAIT).until(() -> job().state() == ServiceState.STOPPED);
        assertThat(process.isAlive()).isFalse();
        assertThat(supervisor.state().jobRequests()).isEmpty();
        assertThat(job().detail()).isEqualTo("not started: ./lab stream start");
        assertThat(Files.readString(home.resolve("run/stream-status.json"))).as("stopped gracefully, not killed")
                .contains("\"state\": \"stopped\"");
    }

    @Test
    void aJobListedLaterIsRunWhenWantedAndOneNoLongerListedIsForgottenOnceStopped() {
        LabSettings settings = LabSettings.load(home, Map.of(), Map.of("stream.main.class", FAKE_JOB,
                "stream.heap", "64m", "stream.batch.ms", "200", "stream.stop.timeout.seconds", "20"));
        StreamJobService job = new StreamJobService(settings, new LabEndpoints("127.0.0.1:1", "127.0.0.1", 1, "hdfs://127.0.0.1:1"));
        List<lambdalab.lab.service.LabService> listed = new java.util.concurrent.CopyOnWriteArrayList<>();
        supervisor = new Supervisor(settings, List.of(), () -> listed, status -> { });
        supervisor.start();
        assertThat(supervisor.state().job("stream")).isEmpty();

        listed.add(job); // a Kappa version created: its job appears
        WantedJobs.in(home.resolve("run")).request("stream");
        await().atMost(WAIT).until(() -> supervisor.state().job("stream").map(ServiceStatus::state)
                .orElse(ServiceState.STOPPED) == ServiceState.READY);

        listed.clear(); // listed no more, but still wanted: it keeps running
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> job().state() == ServiceState.READY);
        WantedJobs.in(home.resolve("run")).withdraw("stream");
        await().atMost(WAIT).until(() -> supervisor.state().job("stream").isEmpty());
    }

    @Test
    void stoppingTheSupervisorStopsARunningJobGracefully() throws IOException {
        start(FAKE_JOB);
        WantedJobs.in(home.resolve("run")).request("stream");
        await().atMost(WAIT).until(() -> job().state() == ServiceState.READY);
        ProcessHandle process = ProcessHandle.of(job().pid()).orElseThrow();

        supervisor.stop();

        assertThat(process.isAlive()).isFalse();
        assertThat(Files.readString(home.resolve("run/stream-status.json"))).contains("\"state\": \"stopped\"");
        assertThat(home.resolve("run/stream.pid")).doesNotExist();
    }

    @Test
    void aJobThatNeverStartsIsGivenUpAndOnlyANewRequestTriesAgain() throws IOException {
        start("lambdalab.no.such.Job");
        WantedJobs wanted = WantedJobs.in(home.resolve("run"));
        wanted.request("stream");
        await().atMost(WAIT).until(() -> job().state() == ServiceState.FAILED);
        assertThat(job().detail()).contains("exited with code 1 before it was ready");
        assertThat(job().fix()).contains("troubleshooting.md#class-not-found"); // from the log, by KnownErrors
        Path log = home.resolve("logs/stream.log");
        assertThat(launches(log)).isEqualTo(ServiceRunner.MAX_FAILED_STARTS);

        // the same request does not start it again...
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> job().state() == ServiceState.FAILED && launches(log) == ServiceRunner.MAX_FAILED_STARTS);
        // ...a new one does
        String again = wanted.request("stream");
        await().atMost(WAIT).until(() -> again.equals(supervisor.state().jobRequests().get("stream"))
                && job().state() == ServiceState.FAILED && launches(log) == 2 * ServiceRunner.MAX_FAILED_STARTS);
    }

    private static int launches(Path log) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        Matcher matcher = Pattern.compile("Could not find or load main class").matcher(Files.readString(log));
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
