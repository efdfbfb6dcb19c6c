package lambdalab.lab.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lambdalab.lab.settings.LabSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkSubmissionTest {

    @TempDir
    Path home;

    private List<String> arguments(Map<String, String> overrides) {
        LabSettings settings = LabSettings.load(home, Map.of(), overrides);
        SparkSubmission submission = new SparkSubmission(settings, new ServiceModule("spark", home), home);
        return submission.arguments("lambda-speed-layer", "lambdalab.course.speed.SpeedLayerJob", List.of("--topic", "t"));
    }

    @Test
    void theExecutorsGetTheJobsJvmOptionsBeforeTheJarAndTheJobsArguments() {
        List<String> arguments = arguments(Map.of("jobs.jvm.options", "-XX:TieredStopAtLevel=1  -Dx=y"));
        int conf = arguments.indexOf("spark.executor.extraJavaOptions=-XX:TieredStopAtLevel=1 -Dx=y");
        int jar = arguments.indexOf(arguments.stream().filter(a -> a.endsWith("lambda-lab-course.jar")).findFirst().orElseThrow());
        assertThat(conf).isPositive().isLessThan(jar);
        assertThat(arguments.get(conf - 1)).isEqualTo("--conf");
        assertThat(arguments.subList(jar + 1, arguments.size())).containsExactly("--topic", "t");
    }

    @Test
    void withoutJobsJvmOptionsTheExecutorsKeepSparksDefaults() {
        assertThat(arguments(Map.of())).noneMatch(argument -> argument.startsWith("spark.executor.extraJavaOptions"));
    }
}
