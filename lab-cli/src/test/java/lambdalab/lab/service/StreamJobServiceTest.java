package lambdalab.lab.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lambdalab.course.LabEndpoints;
import lambdalab.lab.settings.LabSettings;
import lambdalab.lab.supervisor.PidFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamJobServiceTest {

    @TempDir
    Path home;

    private StreamJobService job(Map<String, String> overrides) {
        LabSettings settings = LabSettings.load(home, Map.of(), overrides);
        return new StreamJobService(settings, new LabEndpoints("127.0.0.1:19092", "127.0.0.1", 19042,
                "hdfs://127.0.0.1:19000"));
    }

    @Test
    void theCommandLineFollowsTheJobsContract() {
        StreamJobService job = job(Map.of("stream.heap", "768m", "stream.batch.ms", "2000", "stream.topic", "t1"));
        List<String> command = job.command();
        assertThat(command).containsSubsequence("-Xms768m", "-Xmx768m", "-XX:+UseParallelGC", "-XX:+AlwaysPreTouch")
                .contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED") // Spark's module flags
                .contains("-Djava.io.tmpdir=" + home.resolve("tmp"), LabService.HOME_MARKER + home,
                        LabService.SERVICE_MARKER + "stream")
                .containsSubsequence("-cp", System.getProperty("java.class.path"), "lambdalab.course.speed.SpeedLayerJob");
        List<String> arguments = command.subList(command.indexOf("lambdalab.course.speed.SpeedLayerJob") + 1, command.size());
        assertThat(arguments).containsExactly(
                "--kafka", "127.0.0.1:19092", "--cassandra", "127.0.0.1:19042", "--hdfs", "hdfs://127.0.0.1:19000",
                "--status-file", home.resolve("run/stream-status.json").toString(), "--batch-ms", "2000",
                "--max-rate-per-partition", "250000", "--state-timeout-minutes", "120", "--window-seconds", "30",
                "--topic", "t1", "--partitions", "2");
        assertThat(job.environment()).containsEntry("SPARK_LOCAL_IP", "127.0.0.1");
        assertThat(job.endpoints()).isEmpty();
        assertThat(job.stopTimeout()).hasSeconds(90);
        assertThat(job.startTimeout()).isGreaterThanOrEqualTo(java.time.Duration.ofMinutes(5));
    }

    @Test
    void withoutTheWarmUpSettingTheJobIsToldToReadAtOnce() {
        assertThat(job(Map.of("stream.warm.up", "false")).command()).endsWith("--partitions", "2", "--no-warm-up");
        assertThat(job(Map.of()).command()).doesNotContain("--no-warm-up");
    }

    @Test
    void onlyTestsReplaceTheMainClassThroughASetting() {
        assertThat(job(Map.of("stream.main.class", "x.Fake")).command()).contains("x.Fake")
                .doesNotContain("lambdalab.course.speed.SpeedLayerJob");
    }

    @Test
    void readyOnlyWhenTheStartedProcessSaysItRuns() throws IOException {
        StreamJobService job = job(Map.of());
        Files.createDirectories(home.resolve("run"));
        assertThat(job.checkReady().ready()).isFalse();
        assertThat(job.checkReady().detail()).contains("no status file yet");

        PidFile.of(home.resolve("run"), "stream").write(4242);
        writeStatus("starting", 4242);
        assertThat(job.checkReady().ready()).isFalse();
        assertThat(job.checkReady().detail()).contains("the job says starting");

        writeStatus("running", 1111); // a report of an earlier run
        assertThat(job.checkReady().ready()).isFalse();
        assertThat(job.checkReady().detail()).contains("not the process started");

        writeStatus("running", 4242);
        assertThat(job.checkReady().ready()).isTrue();
    }

    @Test
    void preparingAStartDropsTheReportOfTheLastRun() throws IOException {
        Files.createDirectories(home.resolve("run"));
        writeStatus("stopped", 4242);
        job(Map.of()).prepare();
        assertThat(home.resolve("run/stream-status.json")).doesNotExist();
        assertThat(home.resolve("tmp")).isDirectory();
    }

    private void writeStatus(String state, long pid) throws IOException {
        Files.writeString(home.resolve("run/stream-status.json"),
                "{\"state\":\"" + state + "\",\"pid\":" + pid + ",\"batches\":0,\"recoveredFrom\":\"fresh\"}");
    }

    @Test
    void aClusterLabsJobIsToldToKeepThreeCopies() {
        LabSettings settings = LabSettings.load(home, Map.of(), Map.of());
        LabEndpoints single = new LabEndpoints("127.0.0.1:19092", "127.0.0.1", 19042, "hdfs://127.0.0.1:19000");
        assertThat(new StreamJobService(settings, single).command()).doesNotContain("--replication");
        assertThat(String.join(" ", new StreamJobService(settings, single.withReplication(3)).command()))
                .contains("--replication 3");
    }
}
