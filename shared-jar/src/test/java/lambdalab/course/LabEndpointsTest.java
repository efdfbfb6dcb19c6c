package lambdalab.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import lambdalab.course.spark.LabSpark;
import org.junit.jupiter.api.Test;

class LabEndpointsTest {

    private static final LabEndpoints SINGLE = new LabEndpoints("127.0.0.1:9092", "127.0.0.1", 9042, "hdfs://127.0.0.1:9000");

    @Test
    void aSingleNodeKeepsOneCopyAndLocalOne() {
        assertThat(SINGLE.replication()).isEqualTo(1);
        assertThat(SINGLE.cassandraConsistency()).isEqualTo("LOCAL_ONE");
        assertThat(LabSpark.hadoopSettings(SINGLE)).containsEntry("dfs.replication", "1")
                .doesNotContainKey("dfs.client.block.write.replace-datanode-on-failure.best-effort");
        assertThat(JobArguments.replicationArguments(1)).isEmpty();
    }

    /**
     * A file's close waits for its block's report with doubling pauses: from the lab's short first
     * pause, it must still wait at least as long in all as Hadoop's defaults (5 retries from 400 ms),
     * or a busy DataNode's late report fails the write.
     */
    @Test
    void aFileCloseWaitsForTheBlockReportAtLeastAsLongAsHadoopsDefaults() {
        Map<String, String> settings = LabSpark.hadoopSettings(SINGLE);
        long pause = Long.parseLong(settings.get("dfs.client.block.write.locateFollowingBlock.initial.delay.ms"));
        int retries = Integer.parseInt(settings.get("dfs.client.block.write.locateFollowingBlock.retries"));
        long waited = 0;
        for (int retry = 0; retry < retries; retry++, pause *= 2) {
            waited += pause;
        }
        assertThat(waited).as("ms waited in all before a close fails").isGreaterThanOrEqualTo(400 * (1 + 2 + 4 + 8 + 16));
    }

    @Test
    void threeCopiesWriteToAMajorityAndTellTheJobs() {
        LabEndpoints cluster = SINGLE.withReplication(3);
        assertThat(cluster.cassandraConsistency()).isEqualTo("LOCAL_QUORUM");
        assertThat(LabSpark.hadoopSettings(cluster)).containsEntry("dfs.replication", "3")
                // a write goes on with two DataNodes when the third is lost: there is no fourth to replace it
                .containsEntry("dfs.client.block.write.replace-datanode-on-failure.best-effort", "true");
        List<String> arguments = JobArguments.replicationArguments(3);
        assertThat(arguments).containsExactly("--replication", "3");
        assertThat(JobArguments.replication(JobArguments.parse(arguments.toArray(String[]::new)))).isEqualTo(3);
        assertThat(JobArguments.replication(Map.of())).isEqualTo(1);
    }

    @Test
    void aReplicationBelowOneIsRefusedOnTheCommandLineAndReadAsOneFromOldData() {
        assertThatThrownBy(() -> JobArguments.replication(Map.of("replication", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--replication");
        assertThat(SINGLE.withReplication(0).replication()).isEqualTo(1);
    }
}
