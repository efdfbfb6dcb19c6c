package lambdalab.lab.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.UUID;
import java.util.function.LongPredicate;
import lambdalab.course.LabEndpoints;
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
import lambdalab.course.views.LambdaSchema;
import lambdalab.lab.settings.RepoLayout;
import lambdalab.lab.system.Directories;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.spark.sql.SparkSession;

/**
 * One speed-layer job under test on the test lab's real services, with its own topic, dead-letter
 * topic, raw folder and checkpoint (so tests never see each other's data), the exact truth of the
 * events it was given, and the checks the speed-layer tests share.
 */
final class SpeedLayerFixture implements AutoCloseable {

    /** The fixtures' folders (a job's log, status file and temporary files): in the build, not the machine's /tmp. */
    private static final Path WORK_DIRS = RepoLayout.fromSystemProperty().root()
            .resolve("lab-cli/target/speed-layer-tests");

    private final LabEndpoints endpoints;
    private final String topic;
    private final String base;
    private final Path workDir;
    private final GroundTruth truth = new GroundTruth();
    private SpeedLayerProcess job;
    private CqlSession session;
    private long produced;

    SpeedLayerFixture(LabEndpoints endpoints, String name) {
        this.endpoints = endpoints;
        String id = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.topic = id;
        this.base = endpoints.hdfsUri() + "/" + id;
        try {
            this.workDir = Files.createDirectories(WORK_DIRS.resolve(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String topic() {
        return topic;
    }

    String deadLetterTopic() {
        return topic + "-deadletter";
    }

    String rawPath() {
        return base + "/raw/events";
    }

    String checkpointDir() {
        return base + "/checkpoints";
    }

    Path workDir() {
        return workDir;
    }

    GroundTruth truth() {
        return truth;
    }

    long produced() {
        return produced;
    }

    SpeedLayerProcess job() {
        return job;
    }

    /**
     * Starts the job (extra arguments after the fixture's own) and returns once it runs. The previous
     * job's status file is deleted first: a check of how the new job recovered must never read the
     * old job's report.
     */
    SpeedLayerProcess startJob(String... extraArguments) throws Exception {
        return startJob(true, extraArguments);
    }

    /** As {@link #startJob(String...)}; {@code sparkLocalIp} false starts it without SPARK_LOCAL_IP. */
    SpeedLayerProcess startJob(boolean sparkLocalIp, String... extraArguments) throws Exception {
        Path statusFile = launchJob(sparkLocalIp, extraArguments);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (!Files.exists(statusFile) || !"running".equals(status().get("state"))) {
            assertThat(job.isAlive()).as("the speed layer died while starting:\n" + job.logTail()).isTrue();
            assertThat(Instant.now()).as("waiting for the speed layer to start:\n" + job.logTail()).isBefore(deadline);
            Thread.sleep(200);
        }
        return job;
    }

    /** Starts the job without waiting for it (a start that must fail); returns its status file. */
    Path launchJob(boolean sparkLocalIp, String... extraArguments) throws IOException {
        Path statusFile = workDir.resolve("status.json");
        Files.deleteIfExists(statusFile);
        List<String> arguments = new ArrayList<>(List.of("--topic", topic, "--dead-letter-topic", deadLetterTopic(),
                "--raw-path", rawPath(), "--checkpoint-dir", checkpointDir(), "--max-rate-per-partition", "20000",
                "--status-file", statusFile.toString()));
        arguments.addAll(List.of(extraArguments));
        job = SpeedLayerProcess.start(endpoints, workDir.resolve("job.log"), sparkLocalIp,
                arguments.toArray(String[]::new));
        return statusFile;
    }

    /** Generated events into the topic, counted into the truth. */
    void produce(int events, long seed, long startMs) {
        GeneratorSettings settings = GeneratorSettings.builder().events(events).seed(seed).startMs(startMs).build();
        try (TeeSink sink = TeeSink.of(new KafkaSink(endpoints.kafkaBootstrapServers(), topic), truth)) {
            new ClickstreamGenerator(settings).writeTo(sink);
        }
        produced += events;
    }

    /** Raw lines (malformed ones, which no truth counts) into the topic. */
    void produceLines(List<byte[]> lines) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                KafkaSink.producerConfig(endpoints.kafkaBootstrapServers(),
                        Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024)),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (byte[] line : lines) {
                producer.send(new ProducerRecord<>(topic, line)).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce the test's lines", e);
        }
        produced += lines.size();
    }

    /** Waits until the offsets the job committed (all partitions together) satisfy {@code done}. */
    void awaitCommitted(LongPredicate done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (!done.test(committed())) {
            assertThat(job.isAlive()).as("the speed layer died:\n" + job.logTail()).isTrue();
            assertThat(Instant.now()).as("waiting for the speed layer:\n" + job.logTail()).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    /**
     * Stops the job once two more batches committed after everything produced: a stop right after the
     * batch of the last events can leave that batch pending in Spark's checkpoint (its completion is
     * checkpointed after the commit), and the restart then replays it. A test that needs the next start
     * to begin with new events stops this way.
     */
    void stopOnceSettled() throws InterruptedException {
        awaitCommitted(total -> total == produced);
        Instant lastEvents = committedBatchTime();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (!committedBatchTime().isAfter(lastEvents.plusSeconds(1))) {
            assertThat(Instant.now()).as("waiting for empty batches to commit:\n" + job.logTail()).isBefore(deadline);
            Thread.sleep(200);
        }
        job.stop(Duration.ofSeconds(90));
    }

    /** The batch time of the job's last commit to Cassandra. */
    Instant committedBatchTime() {
        return session().execute("SELECT batch_time FROM lambda.stream_offsets WHERE topic = ?", topic).all().stream()
                .map(row -> row.getInstant("batch_time")).max(Instant::compareTo).orElseThrow();
    }

    /** The sum over the topic's partitions of the next offsets the job committed to Cassandra. */
    long committed() {
        CqlSession session = session();
        if (session.getMetadata().getKeyspace("lambda").flatMap(k -> k.getTable("stream_offsets")).isEmpty()) {
            return 0;
        }
        long sum = 0;
        for (Row row : session.execute("SELECT next_offset FROM lambda.stream_offsets WHERE topic = ?", topic)) {
            sum += row.getLong("next_offset");
        }
        return sum;
    }

    /** One session for the fixture's polls (a session per poll of 200 ms costs more than the poll). */
    CqlSession session() {
        if (session == null) {
            session = LambdaSchema.openSession(endpoints);
        }
        return session;
    }

    /** The stream views hold exactly the truth's counts (visitors within 5 standard errors) for its hours. */
    void assertViewsEqualTruth() {
        SortedMap<ProductHour, HourlyActivity> expected = truth.activity();
        Map<ProductHour, Row> activity = rows("stream_activity_by_product");
        Map<ProductHour, Row> visitors = rows("stream_visitors_by_product");
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

    /** Every raw event the job stored is one of the truth's, once: rows = events, no (partition, offset) twice. */
    void assertRawEventsEqualTruth() {
        try (SparkSession spark = LabSpark.builder("speed layer test", "local[2]", endpoints).getOrCreate()) {
            org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> raw = spark.read().parquet(rawPath());
            assertThat(raw.count()).as("raw rows").isEqualTo(truth.events());
            assertThat(raw.select(RawEvents.KAFKA_PARTITION, RawEvents.KAFKA_OFFSET).distinct().count())
                    .as("distinct (partition, offset) of the raw rows").isEqualTo(truth.events());
        }
    }

    Map<ProductHour, Row> rows(String table) {
        Map<ProductHour, Row> rows = new HashMap<>();
        try (CqlSession session = LambdaSchema.openSession(endpoints)) {
            for (Row row : session.execute("SELECT * FROM lambda." + table)) {
                rows.put(new ProductHour(row.getString("product"), row.getLong("timestamp_hour")), row);
            }
        }
        return rows;
    }

    /** The dead letters (by key, their source position), read until {@code expected} arrived or 20 s passed. */
    Map<String, ConsumerRecord<byte[], byte[]>> deadLetters(int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "speed-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, ConsumerRecord<byte[], byte[]>> letters = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config,
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(deadLetterTopic()));
            Instant deadline = Instant.now().plusSeconds(20);
            while (letters.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> letter : consumer.poll(Duration.ofMillis(500))) {
                    letters.put(new String(letter.key(), StandardCharsets.UTF_8), letter);
                }
            }
        }
        return letters;
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> status() throws IOException {
        return new ObjectMapper().readValue(workDir.resolve("status.json").toFile(), Map.class);
    }

    @Override
    public void close() throws InterruptedException {
        if (job != null) {
            job.close();
        }
        if (session != null) {
            session.close();
        }
        // the job is dead: its Spark and Snappy files go; its log and status stay in the build's folder
        Directories.deleteRecursively(workDir.resolve("tmp"));
    }
}
