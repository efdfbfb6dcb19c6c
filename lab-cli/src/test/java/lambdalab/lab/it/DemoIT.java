package lambdalab.lab.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import lambdalab.course.serving.Layer;
import lambdalab.course.serving.ServedRow;
import lambdalab.course.serving.ServingLayer;
import lambdalab.course.serving.ServingResult;
import lambdalab.course.serving.SourceCoverage;
import lambdalab.course.views.LambdaSchema;
import lambdalab.lab.Lab;
import org.junit.jupiter.api.Test;

/**
 * `lab demo` on an instance of its own (its views hold only the demo's hours): the real speed layer
 * started through the supervisor, the generator, a batch run; afterwards the serving layer answers
 * from both layers, and the job the demo started is stopped again.
 */
class DemoIT {

    @Test
    void theDemoFillsBothLayersAndTheServingLayerAnswersFromEach() {
        Lab lab = TestLab.newInstance("lab-demo-", Map.of());
        try {
            assertThat(lab.startInBackground(System.out, OptionalLong.of(ProcessHandle.current().pid()))).isTrue();
            runDemo(lab);
        } finally {
            TestLab.destroy(lab);
        }
    }

    private static void runDemo(Lab lab) {
        LabCli.Run demo = LabCli.run(lab, "demo", "--rate", "3000", "--batch-every", "45s", "--duration", "80s");

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
