package lambdalab.lab.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.cql.Row;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import lambdalab.course.LabEndpoints;
import lambdalab.course.batch.BatchLayer;
import lambdalab.course.clickstream.HourlyActivity;
import lambdalab.course.clickstream.ProductHour;
import lambdalab.course.spark.LabSpark;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The speed layer on the test lab's real Kafka, HDFS and Cassandra, checked against the generator's
 * truth through one story: a first load, a kill -9 in the middle of a second one, a restart with an
 * unreadable checkpoint, then the batch layer over what the speed layer stored. It uses its own
 * topics and HDFS folders, and hours no other test writes.
 */
@ExtendWith(TestLab.Extension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpeedLayerIT {

    private static final long START = Instant.parse("2027-06-01T00:00:00Z").toEpochMilli();
    private static final List<String> MALFORMED = List.of("not-a-time\tGoogle\tpurchase\t\tVisitor-1\tPage-1\tA,B",
            "1811808000000\tGoogle\tbuy\t\tVisitor-1\tPage-1\tA,B", "1811808000000\tonly three\tfields");

    private static SpeedLayerFixture stream;

    @Test
    @Order(1)
    void streamViewsEqualTheTruthAndRejectedRecordsBecomeDeadLetters(TestLab testLab) throws Exception {
        stream = new SpeedLayerFixture(testLab.lab().endpoints(), "speed-it");
        stream.produce(120_000, 21, START);
        stream.produceLines(MALFORMED.stream().map(line -> line.getBytes(StandardCharsets.UTF_8)).toList());
        stream.startJob();

        stream.awaitCommitted(total -> total == stream.produced());
        stream.assertViewsEqualTruth();
        Map<String, String> reasons = stream.deadLetters(MALFORMED.size()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> SpeedLayerFixture.header(e.getValue(), "reason")));
        assertThat(reasons).hasSize(MALFORMED.size());
        assertThat(Set.copyOf(reasons.values())).containsExactlyInAnyOrder("BAD_TIMESTAMP", "UNKNOWN_ACTION", "FIELD_COUNT");
    }

    @Test
    @Order(2)
    void aKillMinus9MidRunAndARestartLoseAndDuplicateNothing() throws Exception {
        long before = stream.produced();
        stream.produce(200_000, 22, START); // same hours as the first load: the state must merge
        stream.awaitCommitted(total -> total > before);
        assertThat(stream.committed()).as("killed mid-run, not after the whole load").isLessThan(stream.produced());
        stream.job().kill9();

        stream.startJob();
        stream.awaitCommitted(total -> total == stream.produced());
        assertThat(stream.status().get("recoveredFrom")).isEqualTo("checkpoint");
        stream.assertViewsEqualTruth();
        stream.assertRawEventsEqualTruth();
    }

    @Test
    @Order(3)
    void anUnreadableCheckpointIsMovedAsideAndTheStateRebuiltFromTheViews(TestLab testLab) throws Exception {
        stream.job().stop(Duration.ofSeconds(90));
        corruptCheckpoint(testLab.lab().endpoints());
        stream.produce(50_000, 23, START);

        stream.startJob();
        stream.awaitCommitted(total -> total == stream.produced());
        assertThat(stream.status().get("recoveredFrom")).isEqualTo("views");
        assertThat(Files.readString(stream.workDir().resolve("job.log"))).contains("this version of the job cannot read it");
        stream.assertViewsEqualTruth();
    }

    @Test
    @Order(4)
    void theBatchLayerOverTheStoredRawEventsGivesTheSameCountsAndCompactsThemIntoFewerFilesHoldingEachEventOnce(
            TestLab testLab) throws Exception {
        LabEndpoints endpoints = testLab.lab().endpoints();
        stream.job().stop(Duration.ofSeconds(90));
        long filesBefore = rawFiles(endpoints);
        List<String> progress = runBatch(endpoints);
        assertBatchViewsEqualTruth();

        assertThat(progress).anyMatch(line -> line.startsWith("Compacted ") && !line.startsWith("Compacted 0 "));
        assertThat(rawFiles(endpoints)).as("raw files after the compaction").isLessThan(filesBefore);
        stream.assertRawEventsEqualTruth();
        runBatch(endpoints); // over the compacted files
        assertBatchViewsEqualTruth();
    }

    private static List<String> runBatch(LabEndpoints endpoints) {
        List<String> progress = new CopyOnWriteArrayList<>();
        try (SparkSession spark = LabSpark.builder("speed layer test", "local[2]", endpoints).getOrCreate()) {
            new BatchLayer(spark, endpoints, line -> {
                System.out.println(line);
                progress.add(line);
            }).run(BatchLayer.Input.raw(stream.rawPath()), 1);
        }
        return progress;
    }

    private static void assertBatchViewsEqualTruth() {
        Map<ProductHour, Row> batch = stream.rows("batch_activity_by_product");
        for (HourlyActivity expected : stream.truth().activity().values()) {
            Row row = batch.get(expected.key());
            assertThat(row).as(expected.key().toString()).isNotNull();
            assertThat(row.getLong("page_view_count")).isEqualTo(expected.pageViewCount());
            assertThat(row.getLong("purchase_count")).isEqualTo(expected.purchaseCount());
        }
    }

    private static long rawFiles(LabEndpoints endpoints) throws IOException {
        Path raw = new Path(stream.rawPath());
        FileSystem fs = raw.getFileSystem(LabSpark.hadoopConfiguration(endpoints));
        long files = 0;
        for (RemoteIterator<LocatedFileStatus> listing = fs.listFiles(raw, true); listing.hasNext(); ) {
            files += listing.next().getPath().getName().endsWith(".parquet") ? 1 : 0;
        }
        return files;
    }

    @AfterAll
    static void stopJob() throws InterruptedException {
        if (stream != null) {
            stream.close();
        }
    }

    /** What an incompatible upgrade looks like to Spark: checkpoint files it cannot deserialize. */
    private static void corruptCheckpoint(LabEndpoints endpoints) throws Exception {
        Path dir = new Path(stream.checkpointDir());
        FileSystem fs = dir.getFileSystem(LabSpark.hadoopConfiguration(endpoints));
        int corrupted = 0;
        for (FileStatus file : fs.listStatus(dir)) {
            if (file.getPath().getName().startsWith("checkpoint-")) {
                try (FSDataOutputStream out = fs.create(file.getPath(), true)) {
                    out.write("written by another version".getBytes(StandardCharsets.UTF_8));
                }
                corrupted++;
            }
        }
        assertThat(corrupted).isPositive();
    }
}
