package lambdalab.course.clickstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {

    @TempDir
    Path dir;

    @Test
    void writesFilesOfRecordsPerFileLinesAndNoTempFiles() throws IOException {
        GeneratorSettings settings = GeneratorSettings.defaults(); // 50 files of 200 records
        try (FileSink sink = FileSink.of(dir, settings)) {
            new ClickstreamGenerator(settings).writeTo(sink);
        }
        assertThat(fileNames()).containsExactlyElementsOf(
                IntStream.range(0, 50).mapToObj(n -> String.format("part-%05d.tsv", n)).toList());
        for (String name : fileNames()) {
            assertThat(Files.readAllLines(dir.resolve(name))).hasSize(200);
        }
        assertThat(allLines()).hasSize((int) settings.events());
    }

    @Test
    void filesHoldTheEncodedEventsInOrder() throws IOException {
        GeneratorSettings settings = GeneratorSettings.builder().recordsPerFile(7).events(30).build();
        List<String> expected = new ArrayList<>();
        new ClickstreamGenerator(settings).forEachRemaining(e -> expected.add(ClickstreamCodec.encode(e)));
        try (FileSink sink = FileSink.of(dir, settings)) {
            new ClickstreamGenerator(settings).writeTo(sink);
        }
        assertThat(allLines()).isEqualTo(expected);
        assertThat(Files.readString(dir.resolve("part-00000.tsv"))).endsWith("\n").doesNotContain("\r");
    }

    @Test
    void numberingContinuesPastFilesTimesRecordsAndTheLastFileMayBeShort() throws IOException {
        GeneratorSettings settings = GeneratorSettings.builder().recordsPerFile(100).files(3).events(350).build();
        try (FileSink sink = FileSink.of(dir, settings)) {
            new ClickstreamGenerator(settings).writeTo(sink);
            assertThat(sink.filesPublished()).isEqualTo(3);
        }
        assertThat(fileNames()).containsExactly("part-00000.tsv", "part-00001.tsv", "part-00002.tsv", "part-00003.tsv");
        assertThat(Files.readAllLines(dir.resolve("part-00003.tsv"))).hasSize(50);
        assertThat(allLines()).hasSize(350);
    }

    @Test
    void aFileStaysHiddenUntilItIsFull() throws IOException {
        ClickEvent event = new ClickEvent(0, "Google", Action.PURCHASE, "", "Visitor-0", "Page-0", "A,a");
        String line = ClickstreamCodec.encode(event);
        try (FileSink sink = new FileSink(dir, 2)) {
            sink.accept(event, line);
            sink.flush();
            assertThat(fileNames()).containsExactly(".part-00000.tsv.tmp");
            sink.accept(event, line);
            assertThat(fileNames()).containsExactly("part-00000.tsv");
            sink.accept(event, line);
            assertThat(fileNames()).containsExactly(".part-00001.tsv.tmp", "part-00000.tsv");
        }
        assertThat(fileNames()).containsExactly("part-00000.tsv", "part-00001.tsv");
    }

    @Test
    void closingWithoutEventsWritesNothing() throws IOException {
        new FileSink(dir.resolve("out"), 10).close();
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void rejectsRecordsPerFileBelowOne() {
        assertThatThrownBy(() -> new FileSink(dir, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recordsPerFile").hasMessageContaining("0");
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private List<String> allLines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String name : fileNames()) {
            lines.addAll(Files.readAllLines(dir.resolve(name)));
        }
        return lines;
    }
}
