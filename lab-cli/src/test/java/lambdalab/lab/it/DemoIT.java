package lambdalab.lab.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import lambdalab.course.serving.Layer;
import lambdalab.course.serving.ServedRow;
import lambdalab.course.serving.ServingLayer;
import lambdalab.course.serving.ServingResult;
import lambdalab.course.serving.SourceCoverage;
import lambdalab.course.views.LambdaSchema;
import lambdalab.lab.Lab;
import lambdalab.lab.service.StreamJobService;
import lambdalab.lab.supervisor.ServiceState;
import lambdalab.lab.supervisor.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * `lab demo` on the run's lab, the course's data wiped first (its views then hold only the demo's
 * hours): the real speed layer started through the supervisor, the generator, a batch run;
 * afterwards the serving layer answers from both layers, and the job the demo started is stopped
 * again. Ctrl-C stops that job too.
 */
@ExtendWith(TestLab.Extension.class)
class DemoIT {

    @Test
    void theDemoFillsBothLayersAndTheServingLayerAnswersFromEach(TestLab testLab) throws Exception {
        testLab.wipeCourseData();
        runDemo(testLab.lab());
    }

    /**
     * Ctrl-C (SIGINT) to a running `lab demo` in a JVM of its own: the speed layer the demo started is
     * stopped before the demo ends (its request file gone, its process ended).
     */
    @Test
    void ctrlCStopsTheSpeedLayerTheDemoStarted(TestLab testLab, @TempDir Path dir) throws Exception {
        Lab lab = testLab.lab();
        LabCli.run(lab, "stream", "stop"); // the demo stops only a job it started itself
        try (LabCliProcess demo = LabCliProcess.start(lab, dir.resolve("demo.log"),
                "demo", "--rate", "500", "--batch-every", "1h")) {
            await().atMost(Duration.ofMinutes(3)).until(() -> !demo.isAlive()
                    || demo.output().contains("The stream job is ready"));
            assertThat(demo.isAlive()).as(demo.output()).isTrue();
            ServiceStatus job = streamJob(lab);
            assertThat(job.state()).isEqualTo(ServiceState.READY);

            demo.interrupt();
            demo.awaitExit(Duration.ofMinutes(3));

            assertThat(lab.wantedJobs().file(StreamJobService.NAME)).as(demo.output()).doesNotExist();
            assertThat(ProcessHandle.of(job.pid()).filter(ProcessHandle::isAlive)).as("the job's process, PID "
                    + job.pid()).isEmpty();
            assertThat(streamJob(lab).state()).isEqualTo(ServiceState.STOPPED);
            assertThat(demo.output()).contains("[demo] stopped:");
        }
    }

    private static ServiceStatus streamJob(Lab lab) {
        return lab.jobStatus().stream().filter(s -> s.name().equals(StreamJobService.NAME)).findFirst().orElseThrow();
    }

    private static void runDemo(Lab lab) {
        LabCli.Run demo = LabCli.run(lab, "demo", "--rate", "3000", "--batch-every", "12s", "--duration", "30s");

        assertThat(demo.exitCode()).as(demo.output()).isZero();
        assertThat(demo.output()).contains("[batch] Batch run done").contains("speed layer: running")
                .contains("events generated");
        try (CqlSession session = LambdaSchema.openSession(lab.endpoints())) {
            String topic = lab.settings().get("stream.topic");
            ServingResult served = new ServingLayer(session, topic).query(Optional.empty(), 12);
            Set<Layer> layers = served.rows().stream().map(ServedRow::layer).collect(Collectors.toSet());
            assertThat(layers).containsExactlyInAnyOrder(Layer.BATCH, Layer.STREAM);
            // the demo's batch runs read the live topic only
            assertThat(served.batchCoverage()).extracting(SourceCoverage::source).containsExactly(topic);
            assertThat(served.rows()).filteredOn(row -> row.layer() == Layer.BATCH)
                    .allSatisfy(row -> assertThat(row.batchSources()).containsExactly(topic));
        }
        LabCli.Run status = LabCli.run(lab, "stream", "status", "--json");
        assertThat(status.exitCode()).as("the demo stops the job it started: " + status.output()).isEqualTo(3);
    }
}
