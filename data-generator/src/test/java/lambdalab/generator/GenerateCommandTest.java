package lambdalab.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad input to `generate` ends with a message that says what was wrong, before anything is sent. */
class GenerateCommandTest {

    @TempDir
    Path dir;

    @Test
    void eventsAndDurationTogetherAreRefused() {
        assertThat(run("--to", "stdout", "--events", "5", "--duration", "5s")).contains("--events or --duration, not both");
    }

    @Test
    void filesNeedAnOutputDirectory() {
        assertThat(run("--to", "files")).contains("--to files needs --out DIR");
    }

    @Test
    void badValuesNameTheOptionAndTheValue() {
        assertThat(run("--rate", "fast")).contains("--rate must be").contains("'fast'");
        assertThat(run("--start", "yesterday")).contains("--start must be an instant").contains("'yesterday'");
        assertThat(run("--duration", "-5s")).contains("--duration must be a positive duration");
        assertThat(run("--to", "kafkaa")).contains("--to").contains("kafkaa");
        assertThat(run("--pages", "0")).contains("pages must be at least 1, got 0");
        assertThat(run("--topic", "bad topic")).contains("topic must be").contains("'bad topic'");
    }

    @Test
    void aTruthFileOutsideAnExistingDirectoryIsRefusedBeforeGenerating() {
        Path missing = dir.resolve("no-such-dir/truth.tsv");
        assertThat(run("--to", "stdout", "--events", "5", "--truth", missing.toString()))
                .contains("--truth " + missing + ": the directory " + missing.getParent() + " does not exist.")
                .doesNotContain("Generated");
        assertThat(run("--to", "stdout", "--events", "5", "--truth", dir.toString()))
                .contains("--truth must name a file, but " + dir + " is a directory.");
    }

    @Test
    void writesTheRequestedFiles() {
        String output = run("--to", "files", "--out", dir.toString(), "--files", "2", "--records-per-file", "3");
        assertThat(output).contains("Generated 6 events");
        assertThat(dir.resolve("part-00001.tsv")).exists();
    }

    private static String run(String... args) {
        StringWriter text = new StringWriter();
        CommandLine commandLine = new CommandLine(new GenerateCommand());
        commandLine.setErr(new PrintWriter(text, true));
        commandLine.setOut(new PrintWriter(text, true));
        java.io.PrintStream originalOut = System.out;
        java.io.ByteArrayOutputStream summary = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(summary, true));
        try {
            commandLine.execute(args);
        } finally {
            System.setOut(originalOut);
        }
        return text + summary.toString();
    }
}
