package lambdalab.lab.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lambdalab.course.LabEndpoints;
import lambdalab.course.kafka.KafkaTopics;
import lambdalab.course.spark.LabSpark;
import lambdalab.course.views.LambdaSchema;
import lambdalab.lab.system.Ports;
import org.apache.hadoop.fs.ContentSummary;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.HdfsConstants;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The speed layer under faults, on the test lab's real services: an output that fails must stop
 * the job before the batch's offsets are committed (the restart then stores every event once), and
 * an idle job must keep its state's lineage short. Each test has its own topic, folders and hours.
 */
@ExtendWith(TestLab.Extension.class)
class SpeedLayerFaultsIT {

    private static final Duration DEATH_DEADLINE = Duration.ofMinutes(2);

    @Test
    void aRawWriteThatHdfsRefusesStopsTheJobAndTheRestartStoresEveryEvent(TestLab testLab) throws Exception {
        LabEndpoints endpoints = testLab.lab().endpoints();
        long start = Instant.parse("2028-01-01T00:00:00Z").toEpochMilli();
        try (SpeedLayerFixture stream = new SpeedLayerFixture(endpoints, "raw-fault")) {
            stream.startJob();
            stream.produce(10_000, 31, start);
            stream.awaitCommitted(total -> total == stream.produced());

            Path raw = new Path(stream.rawPath());
            DistributedFileSystem hdfs = (DistributedFileSystem) raw.getFileSystem(LabSpark.hadoopConfiguration(endpoints));
            // a namespace quota of exactly what is there: HDFS refuses any new file, as a full disk would
            ContentSummary used = hdfs.getContentSummary(raw);
            hdfs.setQuota(raw, used.getFileCount() + used.getDirectoryCount(), HdfsConstants.QUOTA_DONT_SET);
            long committedBefore = stream.committed();
            stream.produce(10_000, 32, start + Duration.ofHours(4).toMillis());

            awaitDeath(stream, "a raw write HDFS refused");
            assertThat(stream.committed()).as("offsets committed for a batch whose raw events were not stored")
                    .isEqualTo(committedBefore);
            assertThat(stream.status().get("state")).isEqualTo("failed");

            hdfs.setQuota(raw, HdfsConstants.QUOTA_RESET, HdfsConstants.QUOTA_DONT_SET);
            stream.startJob();
            stream.awaitCommitted(total -> total == stream.produced());
            stream.assertViewsEqualTruth();
            stream.assertRawEventsEqualTruth();
        }
    }

    @Test
    void aDeadLetterKafkaRefusesStopsTheJobAndALineNearTheSizeLimitStillGetsItsDeadLetter(TestLab testLab)
            throws Exception {
        LabEndpoints endpoints = testLab.lab().endpoints();
        long start = Instant.parse("2028-02-01T00:00:00Z").toEpochMilli();
        try (SpeedLayerFixture stream = new SpeedLayerFixture(endpoints, "dead-letter-fault")) {
            // a dead-letter topic that refuses records over 200 bytes: every send to it fails
            KafkaTopics.ensureTopic(endpoints.kafkaBootstrapServers(), stream.deadLetterTopic(), 1,
                    Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "200"));
            stream.startJob();
            stream.produce(10_000, 33, start);
            stream.awaitCommitted(total -> total == stream.produced());
            long committedBefore = stream.committed();
            stream.produceLines(List.of(("1830297600000\tGoogle\tbuy\t\tVisitor-1\tPage-1\t" + "x".repeat(200))
                    .getBytes(StandardCharsets.UTF_8)));

            awaitDeath(stream, "a dead letter Kafka refused");
            assertThat(stream.committed()).as("offsets committed for a batch whose dead letter was refused")
                    .isEqualTo(committedBefore);

            allowLargeRecords(endpoints, stream.deadLetterTopic());
            stream.startJob();
            // as long as the source topic allows: with its key and headers, it no longer fits one request
            byte[] nearTheLimit = new byte[1_048_488];
            Arrays.fill(nearTheLimit, (byte) 'x');
            stream.produceLines(List.of(nearTheLimit));
            stream.awaitCommitted(total -> total == stream.produced());

            Map<String, ConsumerRecord<byte[], byte[]>> letters = stream.deadLetters(2);
            assertThat(letters).hasSize(2);
            ConsumerRecord<byte[], byte[]> huge = letters.values().stream()
                    .filter(letter -> SpeedLayerFixture.header(letter, "original_bytes").equals("1048488"))
                    .findFirst().orElseThrow(() -> new AssertionError("no dead letter of the 1,048,488-byte line"));
            assertThat(huge.value()).hasSize(64 * 1024);
            assertThat(SpeedLayerFixture.header(huge, "reason")).isEqualTo("OVERSIZE_LINE");
            stream.assertViewsEqualTruth();
        }
    }

    @Test
    void aResetWithoutCheckpointOrCommittedOffsetsReadsFromTheEarliestOffsetAndKeepsEveryRawEvent(TestLab testLab)
            throws Exception {
        LabEndpoints endpoints = testLab.lab().endpoints();
        long start = Instant.parse("2028-04-01T00:00:00Z").toEpochMilli();
        try (SpeedLayerFixture stream = new SpeedLayerFixture(endpoints, "reset")) {
            stream.startJob();
            stream.produce(10_000, 36, start);
            stream.awaitCommitted(total -> total == stream.produced());
            stream.job().stop(Duration.ofSeconds(90));

            // a reset of the speed layer: its checkpoint and its committed offsets gone (Kafka's
            // consumer group still has the offsets the job committed there for monitoring)
            Path checkpoint = new Path(stream.checkpointDir());
            checkpoint.getFileSystem(LabSpark.hadoopConfiguration(endpoints)).delete(checkpoint, true);
            try (CqlSession session = LambdaSchema.openSession(endpoints)) {
                session.execute("DELETE FROM lambda.stream_offsets WHERE topic = ?", stream.topic());
            }
            stream.produce(10_000, 37, start + Duration.ofHours(4).toMillis());

            stream.startJob();
            stream.awaitCommitted(total -> total == stream.produced());
            assertThat(stream.status().get("recoveredFrom")).isEqualTo("fresh");
            stream.assertRawEventsEqualTruth();
            stream.assertViewsEqualTruth();
        }
    }

    @Test
    void aRebuildFromTheViewsAfterADeathBetweenViewsAndCommitCountsThatBatchOnce(TestLab testLab) throws Exception {
        LabEndpoints endpoints = testLab.lab().endpoints();
        long start = Instant.parse("2028-05-01T00:00:00Z").toEpochMilli();
        try (SpeedLayerFixture stream = new SpeedLayerFixture(endpoints, "rebuild")) {
            stream.startJob();
            stream.produce(10_000, 38, start);
            stream.stopOnceSettled(); // so that the next start's first batch with events is a new one

            // the job dies after its first batch with events wrote the views, before it commits
            stream.startJob("--halt-before-commit", "1");
            long committedBefore = stream.committed();
            stream.produce(10_000, 39, start); // the same hours: the rows have values to double
            awaitDeath(stream, "--halt-before-commit 1");
            assertThat(stream.committed()).isEqualTo(committedBefore);
            assertThat(viewRowsNewerThan(endpoints, stream.committedBatchTime()))
                    .as("view rows written by the batch that did not commit").isPositive();

            // and the checkpoint is unusable (an upgrade): the state is rebuilt from those views
            Path checkpoint = new Path(stream.checkpointDir());
            checkpoint.getFileSystem(LabSpark.hadoopConfiguration(endpoints)).delete(checkpoint, true);
            stream.startJob();
            stream.awaitCommitted(total -> total == stream.produced());
            assertThat(stream.status().get("recoveredFrom")).isEqualTo("views");
            stream.assertViewsEqualTruth();
            stream.assertRawEventsEqualTruth();
        }
    }

    /**
     * A restart from the checkpoint replays the batches Spark had not marked done, even those whose
     * offsets were committed: the first replayed batch replaces the raw files from its offsets on and
     * sets the views back to its values. If that run dies before it has caught up, only the
     * checkpoint can repair it: the job refuses to rebuild from the views (for a changed setting)
     * and restarts from the checkpoint however old it is.
     */
    @Test
    void aReplayThatDiesBeforeItCaughtUpIsRepairedFromTheCheckpointNeverFromTheViews(TestLab testLab)
            throws Exception {
        LabEndpoints endpoints = testLab.lab().endpoints();
        long start = Instant.parse("2028-08-01T00:00:00Z").toEpochMilli();
        try (SpeedLayerFixture stream = new SpeedLayerFixture(endpoints, "replay")) {
            stream.startJob("--halt-after-commit", "1");
            stream.produce(10_000, 46, start);
            awaitDeath(stream, "--halt-after-commit 1");
            assertThat(stream.committed()).as("offsets of the batch the job died after").isPositive();

            // the restart replays that committed batch, and dies before committing it again
            stream.launchJob(true, "--halt-before-commit", "1");
            awaitDeath(stream, "--halt-before-commit 1");
            assertThat(replayUntil(stream)).as("partitions marked as replaying").isNotEmpty();

            stream.launchJob(true, "--window-seconds", "10");
            awaitDeath(stream, "a changed setting while a replay is unfinished");
            assertThat(Files.readString(stream.workDir().resolve("job.log")))
                    .contains("a rebuild from the views would lose the events in between");
            Path checkpoint = new Path(stream.checkpointDir());
            assertThat(checkpoint.getFileSystem(LabSpark.hadoopConfiguration(endpoints)).exists(checkpoint))
                    .as("the checkpoint the repair needs").isTrue();

            stream.startJob("--max-missed-batches", "0");
            assertThat(stream.status().get("recoveredFrom")).isEqualTo("checkpoint");
            assertThat(Files.readString(stream.workDir().resolve("job.log")))
                    .contains("restarting from the checkpoint although it is");
            // the offsets were all committed before: the replay is over when its marks are cleared
            await().atMost(Duration.ofMinutes(2)).until(() -> replayUntil(stream).isEmpty());
            // the first batch may have held only part of the events: the rest come in the batches after it
            stream.awaitCommitted(total -> total == stream.produced());
            stream.assertViewsEqualTruth();
            stream.assertRawEventsEqualTruth();
        }
    }

    /** Read through the fixture's session: the wait above asks ten times a second, and a connect costs far more. */
    private static Map<Integer, Long> replayUntil(SpeedLayerFixture stream) {
        Map<Integer, Long> marks = new HashMap<>();
        stream.session().execute("SELECT kafka_partition, replay_until FROM lambda.stream_offsets WHERE topic = ?",
                stream.topic()).forEach(row -> {
                    if (!row.isNull("replay_until")) {
                        marks.put(row.getInt("kafka_partition"), row.getLong("replay_until"));
                    }
                });
        return marks;
    }

    /**
     * A checkpoint the job cannot use as it is: its settings changed, it is so old that Spark would
     * first run a batch for every interval missed, it is behind the commit, or it holds no state.
     * Each time the state comes from the views.
     */
    @Test
    void aChangedSettingOrALongDowntimeSetsTheCheckpointAside(TestLab testLab) throws Exception {
        LabEndpoints endpoints = testLab.lab().endpoints();
        long start = Instant.parse("2028-06-01T00:00:00Z").toEpochMilli();
        try (SpeedLayerFixture stream = new SpeedLayerFixture(endpoints, "settings")) {
            stream.startJob("--window-seconds", "30");
            stream.produce(10_000, 40, start);
            stream.awaitCommitted(total -> total == stream.produced());
            stream.job().stop(Duration.ofSeconds(90));

            stream.startJob("--window-seconds", "10");
            assertThat(stream.status().get("recoveredFrom")).as("a changed window restarted from the checkpoint")
                    .isEqualTo("views");
            assertThat(Files.readString(stream.workDir().resolve("job.log"))).contains("window (s) 30 -> 10");
            stream.produce(10_000, 41, start + Duration.ofHours(4).toMillis());
            stream.awaitCommitted(total -> total == stream.produced());
            stream.assertViewsEqualTruth();
            stream.job().stop(Duration.ofSeconds(90));
            Path checkpoint = new Path(stream.checkpointDir());
            FileSystem hdfs = checkpoint.getFileSystem(LabSpark.hadoopConfiguration(endpoints));
            Path older = new Path(stream.checkpointDir() + "-older");
            FileUtil.copy(hdfs, checkpoint, hdfs, older, false, hdfs.getConf());

            Thread.sleep(3_000); // with the restart's own seconds, more than 3 batch intervals down
            stream.startJob("--window-seconds", "10", "--max-missed-batches", "2");
            assertThat(stream.status().get("recoveredFrom")).as("a restart after more missed batches than allowed")
                    .isEqualTo("views");
            assertThat(Files.readString(stream.workDir().resolve("job.log")))
                    .contains("Spark would first run one batch per missed interval").contains("more than 2)");
            stream.produce(5_000, 45, start + Duration.ofHours(2).toMillis());
            stream.awaitCommitted(total -> total == stream.produced());
            stream.assertViewsEqualTruth();
            stream.job().stop(Duration.ofSeconds(90));

            // a checkpoint behind the commit (its writes lagged, as while HDFS was down): a restart from
            // it would replay batches cut anew over rows written since
            hdfs.delete(checkpoint, true);
            hdfs.rename(older, checkpoint);
            stream.startJob("--window-seconds", "10", "--max-missed-batches", "1000000");
            assertThat(stream.status().get("recoveredFrom")).as("a restart from a checkpoint behind the commit")
                    .isEqualTo("views");
            assertThat(Files.readString(stream.workDir().resolve("job.log"))).contains("it is behind the commit");

            // stopped after a few batches: Spark checkpoints the state every 10, so this run never did
            Thread.sleep(2_000);
            stream.job().stop(Duration.ofSeconds(90));
            stream.startJob("--window-seconds", "10", "--max-missed-batches", "1000000");
            assertThat(stream.status().get("recoveredFrom")).as("a restart from a checkpoint without state")
                    .isEqualTo("views");
            assertThat(Files.readString(stream.workDir().resolve("job.log"))).contains("its state was never saved");
            stream.produce(2_000, 48, start + Duration.ofHours(2).toMillis());
            stream.awaitCommitted(total -> total == stream.produced());
            stream.assertViewsEqualTruth();
            stream.assertRawEventsEqualTruth();
        }
    }

    /**
     * An idle job whose state times out: the state's lineage stays short while nothing arrives
     * (Spark checkpoints it only when it computes it), a group that left the state continues from its
     * view row when a late event comes, and a restart from the checkpoint (without SPARK_LOCAL_IP:
     * Spark does not keep the driver's address there) stays on loopback and recomputes those
     * re-entries exactly.
     */
    @Test
    void anIdleJobWhoseStateTimedOutCountsLateEventsExactlyAndRestartsOnLoopback(TestLab testLab) throws Exception {
        LabEndpoints endpoints = testLab.lab().endpoints();
        long start = Instant.parse("2028-07-01T00:00:00Z").toEpochMilli();
        String[] settings = {"--batch-ms", "500", "--state-timeout-seconds", "10"};
        try (SpeedLayerFixture stream = new SpeedLayerFixture(endpoints, "idle-timeout")) {
            stream.startJob(settings);
            stream.produce(10_000, 42, start);
            stream.awaitCommitted(total -> total == stream.produced());

            // 20 s idle: 40 batches of 500 ms (an idle hour at 1 s is 3,600), past the state's timeout
            // (Spark removes timed-out keys in the batches it checkpoints the state, every 10)
            Thread.sleep(Duration.ofSeconds(20).toMillis());
            stream.produce(2_000, 43, start); // late events for the same hours
            stream.awaitCommitted(total -> total == stream.produced());
            // Spark checkpoints the state every 10 batches when it computes it: at most those and this one
            assertThat(((Number) stream.status().get("stateLineageBatches")).intValue())
                    .as("batches of state the first batch after the idle 20 s depended on").isLessThanOrEqualTo(12);
            stream.assertViewsEqualTruth();

            stream.job().kill9();
            stream.produce(2_000, 44, start);
            stream.startJob(false, settings);
            assertThat(stream.status().get("recoveredFrom")).isEqualTo("checkpoint");
            assertThat(Ports.listenersOf(stream.job().pid())).as("the driver's sockets").isNotEmpty()
                    .allSatisfy(listener -> assertThat(listener.loopback()).as(listener.toString()).isTrue());
            stream.awaitCommitted(total -> total == stream.produced());
            stream.assertViewsEqualTruth();
            stream.assertRawEventsEqualTruth();
        }
    }

    private static long viewRowsNewerThan(LabEndpoints endpoints, Instant committed) {
        try (CqlSession session = LambdaSchema.openSession(endpoints)) {
            return session.execute("SELECT batch_time FROM lambda.stream_activity_by_product").all().stream()
                    .filter(row -> !row.isNull("batch_time") && row.getInstant("batch_time").isAfter(committed))
                    .count();
        }
    }

    private static void awaitDeath(SpeedLayerFixture stream, String fault) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEATH_DEADLINE);
        while (stream.job().isAlive()) {
            assertThat(Instant.now()).as("the speed layer still runs " + DEATH_DEADLINE + " after " + fault
                    + " (it must stop before committing the batch):\n" + stream.job().logTail()).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static void allowLargeRecords(LabEndpoints endpoints, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                endpoints.kafkaBootstrapServers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, null), AlterConfigOp.OpType.DELETE))))
                    .all().get();
        }
    }
}
