package lambdalab.lab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import lambdalab.course.clickstream.ClickstreamCodec;
import lambdalab.course.clickstream.ClickstreamGenerator;
import lambdalab.course.clickstream.GeneratorSettings;
import lambdalab.course.clickstream.GroundTruth;
import lambdalab.lab.Lab;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
