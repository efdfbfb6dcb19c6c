package lambdalab.course.speed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import lambdalab.course.LabEndpoints;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.clickstream.ClickstreamGenerator;
import lambdalab.course.clickstream.GeneratorSettings;
import lambdalab.course.exercises.LocalSpark;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalSpark.class)
class FirstBatchWarmUpTest {

    @Test
    void itAggregatesEveryGeneratedEventAndLeavesNoFileBehind() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = warmUpFolders(tmp);
        StreamSettings withoutOutputs = StreamSettings.defaults(LabEndpoints.localDefaults()).withOutputs(false, false);

        int groups = FirstBatchWarmUp.run(JavaSparkContext.fromSparkContext(SparkContext.getOrCreate()), withoutOutputs);

        assertThat(groups).as("(product, hour) groups of the generated events").isEqualTo(expectedGroups());
        assertThat(warmUpFolders(tmp)).as("the local folder of the raw files' encoding, deleted").isEqualTo(before);
    }

    private static long expectedGroups() {
        ClickstreamGenerator generator = new ClickstreamGenerator(
                GeneratorSettings.builder().events(FirstBatchWarmUp.EVENTS).build());
        Set<String> groups = new HashSet<>();
        while (generator.hasNext()) {
            ClickEvent event = generator.next();
            groups.add(event.product() + "@" + event.hourBucket());
        }
        return groups.size();
    }

    private static List<Path> warmUpFolders(Path tmp) throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(file -> file.getFileName().toString().startsWith("speed-layer-warm-up")).sorted().toList();
        }
    }
}
