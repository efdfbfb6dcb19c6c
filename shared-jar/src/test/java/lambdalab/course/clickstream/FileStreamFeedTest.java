package lambdalab.course.clickstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStreamFeedTest {

    @TempDir
    Path root;

    @Test
    void movesWholeFilesInWithFreshTimesAndNamesNeverUsedBefore() throws Exception {
        Path watched = root.resolve("incoming");
        FileStreamFeed feed = new FileStreamFeed(watched);
        GroundTruth truth = new GroundTruth();
        GeneratorSettings settings = GeneratorSettings.builder().events(2_500).seed(1).recordsPerFile(1_000).build();
        long before = System.currentTimeMillis() - 1_000; // file times have a coarser resolution on some systems

        assertThat(feed.feed(settings, truth, 100)).isEqualTo(3);
        assertThat(feed.feed(settings, truth, 100)).as("a second round").isEqualTo(3);

        List<Path> files = list(watched);
        assertThat(files).extracting(file -> file.getFileName().toString())
                .containsExactly("drop-00000.tsv", "drop-00001.tsv", "drop-00002.tsv", "drop-00003.tsv", "drop-00004.tsv",
                        "drop-00005.tsv");
        long lines = 0;
        for (Path file : files) {
            assertThat(Files.getLastModifiedTime(file).toMillis()).as(file + "'s time").isGreaterThanOrEqualTo(before);
            lines += Files.readAllLines(file).size();
        }
        assertThat(lines).isEqualTo(5_000).isEqualTo(truth.events());
        assertThat(feed.filesDropped()).isEqualTo(6);
        assertThat(list(root)).as("no staging folder left").containsExactly(watched);
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
