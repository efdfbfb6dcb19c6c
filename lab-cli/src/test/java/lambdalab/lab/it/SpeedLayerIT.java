package lambdalab.lab.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;
import java.util.function.LongPredicate;
import lambdalab.course.LabEndpoints;
import lambdalab.course.batch.BatchLayer;
import lambdalab.course.batch.RawEvents;
import lambdalab.course.batch.ViewAggregation;
import lambdalab.course.clickstream.ClickstreamGenerator;
import lambdalab.course.clickstream.GeneratorSettings;
import lambdalab.course.clickstream.GroundTruth;
import lambdalab.course.clickstream.HourlyActivity;
import lambdalab.course.clickstream.ProductHour;
import lambdalab.course.clickstream.TeeSink;
import lambdalab.course.kafka.KafkaSink;
import lambdalab.course.spark.LabSpark;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.spark.sql.Dataset;
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
    private static final String TOPIC = "speed-it-" + UUID.randomUUID();
    private static final String DEAD_LETTERS = TOPIC + "-deadletter";
    private static final List<String> MALFORMED = List.of("not-a-time\tGoogle\tpurchase\t\tVisitor-1\tPage-1\tA,B",
            "1811808000000\tGoogle\tbuy\t\tVisitor-1\tPage-1\tA,B", "1811808000000\tonly three\tfields");

    private static final GroundTruth truth = new GroundTruth();
    private static Path workDir;
    private static SpeedLayerProcess job;
    private static long produced;

    @Test
    @Order(1)
    void streamViewsEqualTheTruthAndRejectedRecordsBecomeDeadLetters(TestLab testLab) throws Exception {
        LabEndpoints endpoints = testLab.lab().endpoints();
        workDir = Files.createTempDirectory("speed-it-");
        produce(endpoints, 120_000, 21);
        produceMalformed(endpoints);
        job = startJob(endpoints);

        awaitCommitted(endpoints, total -> total == produced);
        assertViewsEqualTruth(endpoints);
        Map<String, String> letters = deadLetters(endpoints);
        assertThat(letters).hasSize(MALFORMED.size());
        assertThat(Set.copyOf(letters.values())).containsExactlyInAnyOrder("BAD_TIMESTAMP", "UNKNOWN_ACTION", "FIELD_COUNT");
    }

    @Test
    @Order(2)
    void aKillMinus9MidRunAndARestartLoseAndDuplicateNothing(TestLab testLab) throws Exception {
        LabEndpoints endpoints = testLab.lab().endpoints();
        long before = produced;
        produce(endpoints, 200_000, 22); // same hours as the first load: the state must merge
        awaitCommitted(endpoints, total -> total > before);
        assertThat(committed(endpoints)).as("killed mid-run, not after the whole load").isLessThan(produced);
        job.kill9();

        job = startJob(endpoints);
        awaitCommitted(endpoints, total -> total == produced);
        assertThat(status().get("recoveredFrom")).isEqualTo("checkpoint");
        assertViewsEqualTruth(endpoints);
        try (SparkSession spark = spark(endpoints)) {
            Dataset<org.apache.spark.sql.Row> raw = spark.read().parquet(rawPath(endpoints));
            assertThat(raw.count()).isEqualTo(truth.events());
            assertThat(raw.select(RawEvents.KAFKA_PARTITION, RawEvents.KAFKA_OFFSET).distinct().count())
                    .isEqualTo(truth.events());
        }
    }

    @Test
    @Order(3)
    void anUnreadableCheckpointIsMovedAsideAndTheStateRebuiltFromTheViews(TestLab testLab) throws Exception {
        LabEndpoints endpoints = testLab.lab().endpoints();
        job.stop(Duration.ofSeconds(90));
        corruptCheckpoint(endpoints);
        produce(endpoints, 50_000, 23);

        job = startJob(endpoints);
        awaitCommitted(endpoints, total -> total == produced);
        assertThat(status().get("recoveredFrom")).isEqualTo("views");
        assertThat(Files.readString(workDir.resolve("job.log"))).contains("cannot read its checkpoint");
        assertViewsEqualTruth(endpoints);
    }

    @Test
    @Order(4)
    void theBatchLayerOverTheStoredRawEventsGivesTheSameCounts(TestLab testLab) throws Exception {
        LabEndpoints endpoints = testLab.lab().endpoints();
        job.stop(Duration.ofSeconds(90));
        try (SparkSession spark = spark(endpoints)) {
            new BatchLayer(spark, endpoints, System.out::println).run(BatchLayer.Input.raw(rawPath(endpoints)), 1);
        }
        Map<ProductHour, Row> batch = rows(endpoints, "batch_activity_by_product");
        for (HourlyActivity expected : truth.activity().values()) {
            Row row = batch.get(expected.key());
            assertThat(row).as(expected.key().toString()).isNotNull();
            assertThat(row.getLong("page_view_count")).isEqualTo(expected.pageViewCount());
            assertThat(row.getLong("purchase_count")).isEqualTo(expected.purchaseCount());
        }
    }

    @AfterAll
    static void stopJob() throws InterruptedException {
        if (job != null) {
            job.close();
        }
    }

    /**
     * Starts the job and returns once it runs. The previous job's status file is deleted first: a
     * check of how the new job recovered must never read the old job's report.
     */
    private static SpeedLayerProcess startJob(LabEndpoints endpoints) throws Exception {
        Path statusFile = workDir.resolve("status.json");
        Files.deleteIfExists(statusFile);
        SpeedLayerProcess started = SpeedLayerProcess.start(endpoints, workDir.resolve("job.log"), "--topic", TOPIC,
                "--dead-letter-topic", DEAD_LETTERS, "--raw-path", rawPath(endpoints),
                "--checkpoint-dir", endpoints.hdfsUri() + "/speed-it/checkpoints",
                "--max-rate-per-partition", "20000", "--status-file", statusFile.toString());
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!Files.exists(statusFile) || !"running".equals(status().get("state"))) {
            assertThat(started.isAlive()).as("the speed layer died while starting:\n" + started.logTail()).isTrue();
            assertThat(Instant.now()).as("waiting for the speed layer to start:\n" + started.logTail()).isBefore(deadline);
            Thread.sleep(200);
        }
        return started;
    }

    private static String rawPath(LabEndpoints endpoints) {
        return endpoints.hdfsUri() + "/speed-it/raw/events";
    }

    private static void produce(LabEndpoints endpoints, int events, long seed) {
        GeneratorSettings settings = GeneratorSettings.builder().events(events).seed(seed).startMs(START).build();
        try (TeeSink sink = TeeSink.of(new KafkaSink(endpoints.kafkaBootstrapServers(), TOPIC), truth)) {
            new ClickstreamGenerator(settings).writeTo(sink);
        }
        produced += events;
    }

    private static void produceMalformed(LabEndpoints endpoints) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                KafkaSink.producerConfig(endpoints.kafkaBootstrapServers(), Map.of()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            MALFORMED.forEach(line -> producer.send(new ProducerRecord<>(TOPIC, line.getBytes(StandardCharsets.UTF_8))));
        }
        produced += MALFORMED.size();
    }

    /** Waits until the offsets the job committed (all partitions together) satisfy {@code done}. */
    private static void awaitCommitted(LabEndpoints endpoints, LongPredicate done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!done.test(committed(endpoints))) {
            assertThat(job.isAlive()).as("the speed layer died:\n" + job.logTail()).isTrue();
            assertThat(Instant.now()).as("waiting for the speed layer:\n" + job.logTail()).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static long committed(LabEndpoints endpoints) {
        try (CqlSession session = lambdalab.course.views.LambdaSchema.openSession(endpoints)) {
            if (session.getMetadata().getKeyspace("lambda").flatMap(k -> k.getTable("stream_offsets")).isEmpty()) {
                return 0;
            }
            long sum = 0;
            for (Row row : session.execute("SELECT next_offset FROM lambda.stream_offsets WHERE topic = ?", TOPIC)) {
                sum += row.getLong("next_offset");
            }
            return sum;
        }
    }

    private static void assertViewsEqualTruth(LabEndpoints endpoints) {
        SortedMap<ProductHour, HourlyActivity> expected = truth.activity();
        Map<ProductHour, Row> activity = rows(endpoints, "stream_activity_by_product");
        Map<ProductHour, Row> visitors = rows(endpoints, "stream_visitors_by_product");
        long first = expected.keySet().stream().mapToLong(ProductHour::timestampHour).min().orElseThrow();
        long last = expected.keySet().stream().mapToLong(ProductHour::timestampHour).max().orElseThrow();
        // other tests write other hours into the same views: compare this test's hours
        activity.keySet().removeIf(key -> key.timestampHour() < first || key.timestampHour() > last);
        assertThat(activity.keySet()).isEqualTo(expected.keySet());
        for (HourlyActivity group : expected.values()) {
            Row counts = activity.get(group.key());
            assertThat(counts.getLong("purchase_count")).as(group.key().toString()).isEqualTo(group.purchaseCount());
            assertThat(counts.getLong("add_to_cart_count")).as(group.key().toString()).isEqualTo(group.addToCartCount());
            assertThat(counts.getLong("page_view_count")).as(group.key().toString()).isEqualTo(group.pageViewCount());
            long estimate = visitors.get(group.key()).getLong("unique_visitors");
            double bound = 5 * ViewAggregation.RELATIVE_STANDARD_ERROR * group.uniqueVisitors() + 1;
            assertThat((double) Math.abs(estimate - group.uniqueVisitors())).as(group.key().toString())
                    .isLessThanOrEqualTo(bound);
        }
    }

    private static Map<ProductHour, Row> rows(LabEndpoints endpoints, String table) {
        Map<ProductHour, Row> rows = new HashMap<>();
        try (CqlSession session = lambdalab.course.views.LambdaSchema.openSession(endpoints)) {
            for (Row row : session.execute("SELECT * FROM lambda." + table)) {
                rows.put(new ProductHour(row.getString("product"), row.getLong("timestamp_hour")), row);
            }
        }
        return rows;
    }

    /** Every dead letter's key (its source position) with its reason header; a replay would repeat keys. */
    private static Map<String, String> deadLetters(LabEndpoints endpoints) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "speed-it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, String> letters = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config,
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(DEAD_LETTERS));
            Instant deadline = Instant.now().plusSeconds(20);
            while (letters.size() < MALFORMED.size() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> letter : consumer.poll(Duration.ofMillis(500))) {
                    letters.put(new String(letter.key(), StandardCharsets.UTF_8),
                            new String(letter.headers().lastHeader("reason").value(), StandardCharsets.UTF_8));
                }
            }
        }
        return letters;
    }

    /** What an incompatible upgrade looks like to Spark: checkpoint files it cannot deserialize. */
    private static void corruptCheckpoint(LabEndpoints endpoints) throws Exception {
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(endpoints.hdfsUri() + "/speed-it/checkpoints");
        FileSystem fs = dir.getFileSystem(new Configuration());
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> status() throws Exception {
        return new ObjectMapper().readValue(workDir.resolve("status.json").toFile(), Map.class);
    }

    private static SparkSession spark(LabEndpoints endpoints) {
        return LabSpark.builder("speed layer test", "local[2]", endpoints).getOrCreate();
    }
}
