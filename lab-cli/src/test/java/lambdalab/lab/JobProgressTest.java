package lambdalab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import lambdalab.lab.service.StreamJobService;
import lambdalab.lab.settings.LabSettings;
import lambdalab.lab.settings.RepoLayout;
import lambdalab.lab.supervisor.LabState;
import lambdalab.lab.supervisor.ServiceState;
import lambdalab.lab.supervisor.ServiceStatus;
import lambdalab.lab.supervisor.StateFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `lab stream start` following its request through the supervisor's state file (no supervisor runs: the test writes the file). */
class JobProgressTest {

    @TempDir
    Path home;

    /**
     * Another command asks for the job while this one waits (another terminal, a drill): the supervisor
     * serves the request before it until its next look, which is no stop of the job.
     */
    @Test
    void aRequestMadeAgainWhileWaitingIsFollowedUntilTheJobIsReady() throws Exception {
        Lab lab = new Lab(LabSettings.load(home, Map.of(), Map.of()), RepoLayout.fromSystemProperty());
        StateFile state = new StateFile(lab.settings().runDir());
        String first = lab.wantedJobs().request(StreamJobService.NAME);
        state.write(serving(lab, first, ServiceState.STARTING));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        JobProgress progress = new JobProgress(lab, lab.streamJob(), new PrintStream(printed, true, StandardCharsets.UTF_8));

        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(
                () -> progress.awaitReady(first, ProcessHandle.current()));
        Thread.sleep(600); // its first request is taken up: the job says starting
        String again = lab.wantedJobs().request(StreamJobService.NAME);
        Thread.sleep(600); // several looks at a state that still serves the first request
        assertThat(ready).as(printed.toString(StandardCharsets.UTF_8)).isNotDone();
        state.write(serving(lab, again, ServiceState.READY));

        assertThat(ready.get(10, TimeUnit.SECONDS)).as(printed.toString(StandardCharsets.UTF_8)).isTrue();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("The stream job is ready");
    }

    private static LabState serving(Lab lab, String request, ServiceState jobState) {
        ServiceStatus job = new ServiceStatus(StreamJobService.NAME, jobState, ProcessHandle.current().pid(), List.of(),
                null, Instant.now(), jobState == ServiceState.READY ? Instant.now() : null, 0, "the job says "
                + jobState.name().toLowerCase(), null, lab.streamJob().logFile().toString());
        return new LabState(ProcessHandle.current().pid(), lab.settings().home().toString(), Instant.now().minus(
                Duration.ofMinutes(1)), List.of(), List.of(job), Map.of(StreamJobService.NAME, request));
    }
}
