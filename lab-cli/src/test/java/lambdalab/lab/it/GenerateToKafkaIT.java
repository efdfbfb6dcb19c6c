package lambdalab.lab.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import lambdalab.course.clickstream.ClickstreamCodec;
import lambdalab.course.clickstream.ClickstreamGenerator;
import lambdalab.course.clickstream.GeneratorSettings;
import lambdalab.course.clickstream.GroundTruth;
import lambdalab.course.kafka.KafkaTopics;
import lambdalab.lab.Lab;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** `lab generate --to kafka` against the test lab's real broker: every event arrives, the truth file is exact. */
@ExtendWith(TestLab.Extension.class)
class GenerateToKafkaIT {

    private static final int EVENTS = 50_000;

    @TempDir
    Path dir;

    @Test
    void everyGeneratedEventIsConsumedAndTheTruthFileDescribesThem(TestLab testLab) throws Exception {
        Lab lab = testLab.lab();
        String topic = "generate-" + UUID.randomUUID();
        Path truthFile = dir.resolve("truth.tsv");

        LabCli.Run run = LabCli.run(lab, "generate", "--topic", topic, "--partitions", "3",
                "--events", Integer.toString(EVENTS), "--seed", "7", "--truth", truthFile.toString());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Generated 50,000 events");

        List<String> consumed = consumeAll(lab.services().kafka().bootstrapServers(), topic, EVENTS);
        assertThat(consumed).hasSize(EVENTS);

        GroundTruth recount = new GroundTruth();
        consumed.forEach(line -> recount.add(ClickstreamCodec.decode(line).orElseThrow()));
        assertThat(GroundTruth.readTsv(truthFile)).isEqualTo(recount.activity());

        // the same seed gives the same events, whatever order the partitions returned them in
        List<String> expected = new ArrayList<>();
        ClickstreamGenerator generator = new ClickstreamGenerator(
                GeneratorSettings.builder().events(EVENTS).seed(7).build());
        generator.forEachRemaining(event -> expected.add(ClickstreamCodec.encode(event)));
        assertThat(consumed).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void anUnreachableKafkaFailsFastNamingTheAddressAndTheFix(TestLab testLab) {
        long start = System.nanoTime();
        LabCli.Run run = LabCli.run(testLab.lab(), "generate", "--events", "10",
                "--bootstrap-servers", "127.0.0.1:1");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("Kafka at 127.0.0.1:1 did not answer").contains("./lab up")
                .contains("./lab doctor");
        assertThat(seconds).as("gives up instead of hanging").isLessThan(30);
    }

    @Test
    void filesAreWrittenCompleteUnderTheirFinalNames(TestLab testLab) throws Exception {
        Path out = dir.resolve("files");
        LabCli.Run run = LabCli.run(testLab.lab(), "generate", "--to", "files", "--out", out.toString(),
                "--files", "4", "--records-per-file", "25");
        assertThat(run.exitCode()).as(run.output()).isZero();
        try (var files = Files.list(out)) {
            List<Path> written = files.sorted().toList();
            assertThat(written).extracting(p -> p.getFileName().toString())
                    .containsExactly("part-00000.tsv", "part-00001.tsv", "part-00002.tsv", "part-00003.tsv");
            for (Path file : written) {
                assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(25)
                        .allSatisfy(line -> assertThat(ClickstreamCodec.decode(line).isDecoded()).isTrue());
            }
        }
    }

    /**
     * Ctrl-C in the middle of a run: the truth file still appears, complete, and describes exactly the
     * events that reached Kafka; it never shows under its name before it is complete. Many simulated
     * hours make the truth file large (about one row per event), so writing it takes a while.
     */
    @Test
    void ctrlCMidRunLeavesATruthFileOfExactlyTheEventsInKafka(TestLab testLab) throws Exception {
        Lab lab = testLab.lab();
        String bootstrap = lab.services().kafka().bootstrapServers();
        String topic = "generate-interrupted-" + UUID.randomUUID();
        KafkaTopics.ensureTopic(bootstrap, topic, 2);
        Path truthFile = dir.resolve("truth.tsv");
        String output;
        TruthFileWatcher watcher = TruthFileWatcher.start(truthFile);
        try (LabCliProcess generate = LabCliProcess.start(lab, dir.resolve("generate.log"), "generate",
                "--topic", topic, "--events", "10000000", "--rate", "50000", "--nominal-rate", "1000",
                "--time-multiplier", "100000", "--truth", truthFile.toString())) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> eventsIn(bootstrap, topic) >= 200_000 || !generate.isAlive());
            assertThat(generate.isAlive()).as("still generating when Ctrl-C comes: " + generate.output()).isTrue();

            generate.interrupt();
            generate.awaitExit(Duration.ofMinutes(2));
            output = generate.output();
        }
        watcher.finish();

        long inKafka = eventsIn(bootstrap, topic);
        assertThat(inKafka).isBetween(200_000L, 9_999_999L);
        assertThat(truthFile).as("the truth file of an interrupted run: " + output).exists();
        GroundTruth recount = new GroundTruth();
        consumeAll(bootstrap, topic, Math.toIntExact(inKafka)).forEach(line ->
                recount.add(ClickstreamCodec.decode(line).orElseThrow()));
        assertThat(recount.events()).isEqualTo(inKafka);
        assertThat(GroundTruth.readTsv(truthFile)).isEqualTo(recount.activity());
        assertThat(watcher.firstSeen()).as("the truth file as first seen under its name")
                .isEqualTo(Files.readAllBytes(truthFile));
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("nothing left beside it")
                    .containsExactlyInAnyOrder("truth.tsv", "generate.log");
        }
        assertThat(output).contains("(stopped early on request)");
    }

    /** How many events the topic holds (its partitions' end offsets: the producer writes no transactions). */
    private static long eventsIn(String bootstrap, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Reads a file as soon as it appears under its name, to see whether it was ever there incomplete. */
    private static final class TruthFileWatcher extends Thread {
        private final Path file;
        private volatile boolean stopped;
        private volatile byte[] firstSeen;

        private TruthFileWatcher(Path file) {
            super("truth-file-watcher");
            this.file = file;
        }

        static TruthFileWatcher start(Path file) {
            TruthFileWatcher watcher = new TruthFileWatcher(file);
            watcher.setDaemon(true);
            watcher.start();
            return watcher;
        }

        @Override
        public void run() {
            while (!stopped && firstSeen == null) {
                try {
                    firstSeen = Files.readAllBytes(file);
                } catch (NoSuchFileException e) {
                    pause();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        /** A millisecond: far shorter than writing the file takes, and it leaves the CPU to the run. */
        private static void pause() {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void finish() throws InterruptedException {
            stopped = true;
            join();
        }

        byte[] firstSeen() {
            return firstSeen;
        }
    }

    private static List<String> consumeAll(String bootstrap, String topic, int expected) {
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrap);
        config.put("group.id", "generate-it");
        config.put("auto.offset.reset", "earliest");
        List<String> lines = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 60_000;
            while (lines.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    lines.add(new String(record.value(), StandardCharsets.UTF_8));
                }
            }
            // anything beyond the expected count would be a duplicate: read a little longer
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(2))) {
                lines.add(new String(record.value(), StandardCharsets.UTF_8));
            }
        }
        return lines;
    }
}
