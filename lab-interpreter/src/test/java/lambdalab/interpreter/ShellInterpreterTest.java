package lambdalab.interpreter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.zeppelin.interpreter.InterpreterResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code %sh} paragraphs that start a tree of processes (as `./lab ...` starts a JVM under bash):
 * neither a timeout nor a cancel may leave any process of the tree running.
 */
class ShellInterpreterTest {

    /** Four processes, each waiting in the foreground for the next; the last one ignores SIGTERM. */
    private static final String TREE_SCRIPT = """
            echo $$ >> pids
            if [ "$1" -gt 0 ]; then
              bash tree.sh $(( $1 - 1 ))
            else
              trap '' TERM
              exec sleep 600
            fi
            """;
    private static final String PARAGRAPH = "echo $$ >> pids; bash tree.sh 2; echo 'not reached'";
    private static final int TREE_SIZE = 4;
    /** The last process ignores SIGTERM: each test waits this out before the kill. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    @BeforeEach
    void writeTreeScript() throws IOException {
        Files.writeString(dir.resolve("tree.sh"), TREE_SCRIPT);
    }

    @AfterEach
    void killWhatATestLeftRunning() throws IOException {
        recordedPids().forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void aParagraphThatTimesOutLeavesNoProcessOfItsTreeRunning() throws IOException {
        ShellInterpreter shell = shell("3");

        Paragraphs.Run run = Paragraphs.run(shell, PARAGRAPH);

        assertThat(run.code()).isEqualTo(InterpreterResult.Code.ERROR);
        assertThat(run.text()).contains("Timed out after 3 s").doesNotContain("not reached");
        assertThat(recordedPids()).as("the paragraph's bash and the three below it").hasSize(TREE_SIZE);
        assertThat(alive(recordedPids())).as("processes of the tree still running").isEmpty();
    }

    @Test
    void aCancelledParagraphLeavesNoProcessOfItsTreeRunning() throws Exception {
        ShellInterpreter shell = shell("600");
        CompletableFuture<Paragraphs.Run> running = CompletableFuture.supplyAsync(() -> Paragraphs.run(shell, PARAGRAPH));
        await().atMost(Duration.ofSeconds(30)).until(() -> recordedPids().size() == TREE_SIZE);

        shell.cancel(Paragraphs.newContext());
        Paragraphs.Run run = running.get(60, TimeUnit.SECONDS); // the paragraph ends, not only its bash

        assertThat(run.code()).isEqualTo(InterpreterResult.Code.ERROR);
        assertThat(run.text()).doesNotContain("not reached");
        assertThat(alive(recordedPids())).as("processes of the tree still running").isEmpty();
    }

    private ShellInterpreter shell(String timeoutSeconds) {
        Properties properties = new Properties();
        properties.setProperty(ShellInterpreter.WORKING_DIRECTORY, dir.toString());
        properties.setProperty(ShellInterpreter.TIMEOUT_SECONDS, timeoutSeconds);
        return new ShellInterpreter(properties, STOP_GRACE);
    }

    private List<Long> recordedPids() throws IOException {
        Path pids = dir.resolve("pids");
        return Files.exists(pids)
                ? Files.readAllLines(pids).stream().filter(line -> !line.isBlank()).map(Long::valueOf).toList()
                : List.of();
    }

    private static List<Long> alive(List<Long> pids) {
        return pids.stream().filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).toList();
    }
}
