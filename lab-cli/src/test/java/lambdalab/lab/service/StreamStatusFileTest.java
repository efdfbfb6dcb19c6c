package lambdalab.lab.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamStatusFileTest {

    /** The example of the job's contract, verbatim. */
    static final String CONTRACT_EXAMPLE = """
            {"state":"running","pid":123,"startedAt":"2024-05-01T10:00:00Z","recoveredFrom":"checkpoint",
             "batchIntervalMs":1000,"batches":42,"totalEvents":123,"totalInvalid":1,
             "lastBatch":{"time":"2024-05-01T10:00:42Z","events":10,"invalid":0,"processingMs":120,"schedulingDelayMs":3},
             "offsets":{"0":123,"1":456},"updatedAt":"2024-05-01T10:00:42.500Z"}
            """;

    @TempDir
    Path run;

    private StreamStatusFile file() {
        return StreamStatusFile.in(run);
    }

    @Test
    void readsEveryFieldOfTheContract() throws IOException {
        Files.writeString(run.resolve("stream-status.json"), CONTRACT_EXAMPLE);
        StreamJobStatus status = file().read().orElseThrow();
        assertThat(status.state()).isEqualTo("running");
        assertThat(status.pid()).isEqualTo(123);
        assertThat(status.startedAt()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(status.recoveredFrom()).isEqualTo("checkpoint");
        assertThat(status.batches()).isEqualTo(42);
        assertThat(status.totalEvents()).isEqualTo(123);
        assertThat(status.totalInvalid()).isEqualTo(1);
        assertThat(status.lastBatch()).isEqualTo(new StreamJobStatus.LastBatch(
                Instant.parse("2024-05-01T10:00:42Z"), 10, 0, 120, 3));
        assertThat(status.offsets()).containsEntry("0", 123L).containsEntry("1", 456L);
        assertThat(status.updatedAt()).isEqualTo(Instant.parse("2024-05-01T10:00:42.500Z"));
        assertThat(status.eventsPerSecond()).hasValue(10.0);
    }

    @Test
    void beforeTheFirstBatchThereIsNoLastBatchAndNoRate() {
        StreamJobStatus status = file().parse("""
                {"state":"starting","pid":7,"recoveredFrom":"fresh","batchIntervalMs":1000,"batches":0,
                 "lastBatch":null,"futureField":{"a":1}}
                """);
        assertThat(status.lastBatch()).isNull();
        assertThat(status.offsets()).isEmpty();
        assertThat(status.eventsPerSecond()).isEmpty();
    }

    @Test
    void theRateIsOverTheBatchIntervalNotTheProcessingTime() {
        StreamJobStatus status = file().parse("""
                {"state":"running","pid":7,"batchIntervalMs":2000,
                 "lastBatch":{"events":500,"processingMs":100}}
                """);
        assertThat(status.eventsPerSecond()).hasValue(250.0);
    }

    @Test
    void readyOnlyWhenRunningAndWrittenByTheProcessStarted() {
        StreamJobStatus running = file().parse("{\"state\":\"running\",\"pid\":123}");
        assertThat(running.readyFor(123)).isTrue();
        assertThat(running.readyFor(124)).as("a file of an earlier run").isFalse();
        assertThat(file().parse("{\"state\":\"starting\",\"pid\":123}").readyFor(123)).isFalse();
        assertThat(file().parse("{\"state\":\"stopping\",\"pid\":123}").readyFor(123)).isFalse();
    }

    @Test
    void noFileMeansNoReportYet() {
        assertThat(file().read()).isEmpty();
    }

    @Test
    void aFileThatIsNotAStatusSaysWhatIsWrongAndWhere() throws IOException {
        Files.writeString(run.resolve("stream-status.json"), "{\"state\": \"running\", ");
        assertThatThrownBy(() -> file().read()).isInstanceOf(ServiceException.class)
                .hasMessageContaining("not valid JSON").hasMessageContaining(run.resolve("stream-status.json").toString());
        assertThatThrownBy(() -> file().parse("{\"batches\": 3}")).isInstanceOf(ServiceException.class)
                .hasMessageContaining("lacks \"state\" or \"pid\"");
    }
}
