package lambdalab.lab.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import lambdalab.course.batch.ViewAggregation;
import lambdalab.course.clickstream.Action;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.clickstream.ClickstreamCodec;
import lambdalab.course.clickstream.ClickstreamGenerator;
import lambdalab.course.clickstream.Domain;
import lambdalab.course.clickstream.EventSink;
import lambdalab.course.clickstream.GeneratorSettings;
import lambdalab.course.clickstream.GroundTruth;
import lambdalab.course.clickstream.HourlyActivity;
import lambdalab.course.clickstream.ProductHour;
import lambdalab.course.clickstream.TeeSink;
import lambdalab.course.kafka.KafkaSink;
import lambdalab.course.kafka.KafkaTopics;
import lambdalab.course.kappa.KappaChange;
import lambdalab.course.kappa.KappaCheckpoint;
import lambdalab.course.kappa.KappaSchema;
import lambdalab.course.kappa.KappaVersion;
import lambdalab.course.kappa.KappaViews;
import lambdalab.course.kappa.VersionLag;
import lambdalab.course.speed.StreamSettings;
import lambdalab.course.views.LambdaSchema;
import lambdalab.lab.Lab;
import lambdalab.lab.supervisor.ServiceState;
import lambdalab.lab.supervisor.ServiceStatus;
import lambdalab.lab.system.Directories;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kappa end to end on the run's lab, through the `lab kappa` commands and the real job: seeded events
 * into version 1 (exact counts, visitors within the sketch's error), a kill -9 of the job while live
 * events arrive (the supervisor restarts it; still exact), events later than the watermark (counted,
 * not in the view), a replay into version 2 with the bot filter while version 1 keeps serving live
 * events (version 2 equals the truth of the changed computation), a switch refused while version 2
 * lags then done, `lab query --kappa` reading version 2, version 1 untouched until dropped. The steps
 * build on each other, in order.
 */
@ExtendWith(TestLab.Extension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KappaIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final long START = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    /** The generator's simulated time per event at its nominal 1,000 events/s and multiplier 480. */
    private static final long EVENT_MS = 480;
    private static final int SEEDED = 12_000;
    private static final int LIVE = 6_000;
    private static final int LATE = 5;
    private static final KappaVersion V1 = new KappaVersion(1);
    private static final KappaVersion V2 = new KappaVersion(2);

    private Lab lab;
    private CqlSession session;
    private String topic;
    /** Every valid event produced, in order: the truths are computed from it. */
    private final List<ClickEvent> produced = Collections.synchronizedList(new ArrayList<>());
    private final List<ClickEvent> lateEvents = new ArrayList<>();
    private long nextStart = START;

    @BeforeAll
    void emptyTheCourseTopicAndKappa(TestLab testLab) throws Exception {
        lab = testLab.lab();
        topic = lab.settings().get("stream.topic");
        LabCli.run(lab, "kappa", "stop");
        testLab.wipeCourseData();
        session = LambdaSchema.openSession(lab.endpoints());
        session.execute("DROP KEYSPACE IF EXISTS " + KappaSchema.KEYSPACE);
        Directories.deleteRecursively(lab.settings().dataDir().resolve("kappa"));
        // created as the generator creates it (two partitions, everything kept), not by a first send
        KafkaTopics.ensureLogTopic(lab.endpoints().kafkaBootstrapServers(), topic, 2);
    }

    /** Leaves the run's lab without Kappa (no job, no version, no keyspace) for the tests after this one. */
    @AfterAll
    void removeKappa() {
        LabCli.run(lab, "kappa", "stop");
        session.execute("DROP KEYSPACE IF EXISTS " + KappaSchema.KEYSPACE);
        session.close();
        Directories.deleteRecursively(lab.settings().dataDir().resolve("kappa"));
    }

    @Test
    @Order(1)
    void version1CountsTheSeededEventsExactly() throws Exception {
        produce(SEEDED, 0, 1);
        produceLines(List.of("not a clickstream line", "1\t2\t3", ""));

        LabCli.Run start = LabCli.run(lab, "kappa", "start");
        assertThat(start.exitCode()).as(start.output()).isZero();
        assertThat(start.output()).contains("Kappa v1 created (change none) and made current",
                "The kappa-v1 job is ready");
        assertThat(LabCli.run(lab, "status").output()).contains("kappa-v1");

        awaitCaughtUp(V1);
        assertView(V1, truth(all()));
        assertThat(deadLetterKeys()).as("one dead letter per malformed record, keyed by its position")
                .hasSize(3).allMatch(key -> key.startsWith(topic + "-"));
        assertThat(LabCli.run(lab, "kappa", "status").output()).contains("Serving pointer (kappa.view_versions): v1",
                "v1 (current): serving, change none", "caught up", "late events: 0");
        JsonNode v1 = version(status(), 1);
        assertThat(v1.path("current").asBoolean()).isTrue();
        assertThat(v1.path("job").asText()).isEqualTo("ready");
        assertThat(v1.path("lateEvents").asLong()).isZero();
    }

    @Test
    @Order(2)
    void aJobKilledMidStreamIsRestartedAndCountsNothingTwice() throws Exception {
        long pid = version(status(), 1).path("pid").asLong();
        CompletableFuture<Void> live = CompletableFuture.runAsync(() -> produce(LIVE, 2_000, 2));
        await().atMost(WAIT).until(() -> lag(V1) > 0 || live.isDone());
        Thread.sleep(1_500); // a micro-batch or two of the live events in, more to come
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        live.join();

        await("kappa-v1 restarted").atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            ServiceStatus v1 = lab.jobStatus().stream().filter(job -> job.name().equals("kappa-v1")).findFirst().orElseThrow();
            return v1.state() == ServiceState.READY && v1.pid() != pid;
        });
        assertThat(version(status(), 1).path("job").asText()).isEqualTo("ready");
        awaitCaughtUp(V1);
        assertView(V1, truth(all()));
    }

    @Test
    @Order(3)
    void eventsLaterThanTheWatermarkAreCountedNotAdded() throws Exception {
        // hour 00:00 ended hours before the newest event time minus the lateness (60 min): it is closed
        String product = Domain.products().get(0);
        for (int i = 0; i < LATE; i++) {
            lateEvents.add(new ClickEvent(START + 600_000 + i, "Google", Action.PAGE_VIEW, "", Domain.visitor(7 + i),
                    Domain.page(1), product));
        }
        produceLines(lateEvents.stream().map(ClickstreamCodec::encode).toList());

        awaitCaughtUp(V1);
        await().atMost(WAIT).until(() -> version(status(), 1).path("lateEvents").asLong() == LATE);
        assertView(V1, truth(all()));
    }

    @Test
    @Order(4)
    void aReplayWithTheBotFilterComputesVersion2WhileVersion1ServesLiveEvents() throws Exception {
        CompletableFuture<Void> live = CompletableFuture.runAsync(() -> produce(LIVE, 2_000, 3));
        LabCli.Run replay = LabCli.run(lab, "kappa", "replay", "--version", "2", "--change", "bot-filter", "--no-wait");
        assertThat(replay.exitCode()).as(replay.output()).isZero();
        assertThat(replay.output()).contains("Kappa v2 created (change bot-filter)");

        LabCli.Run early = LabCli.run(lab, "kappa", "switch", "2");
        assertThat(early.exitCode()).as("v2 has not read the topic yet").isEqualTo(1);
        assertThat(early.output()).contains("not switched: v2 has not caught up", "partition 0:");

        live.join();
        awaitCaughtUp(V1);
        awaitCaughtUp(V2);
        assertView(V1, truth(all()));
        // the replay read the whole backlog in its first micro-batch, under no watermark yet: the events
        // that were late for v1 count in v2 (lateness depends on what a batch holds; see README, Kappa)
        List<ClickEvent> withLate = new ArrayList<>(all());
        withLate.addAll(lateEvents);
        SortedMap<ProductHour, HourlyActivity> botFree = truth(withLate.stream().filter(KappaChange.BOT_FILTER::keeps).toList());
        assertThat(botFree).as("the change matters").isNotEqualTo(truth(withLate));
        assertView(V2, botFree);
        JsonNode v2 = version(status(), 2);
        assertThat(v2.path("state").asText()).isEqualTo("replaying");
        assertThat(v2.path("change").asText()).isEqualTo("bot-filter");
        assertThat(v2.path("lateEvents").asLong()).isZero();
    }

    @Test
    @Order(5)
    void switchPointsReadersAtVersion2AndStopsVersion1() throws Exception {
        LabCli.Run unknown = LabCli.run(lab, "kappa", "switch", "7");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.output()).contains("there is no Kappa version 7");

        LabCli.Run switched = LabCli.run(lab, "kappa", "switch", "2");
        assertThat(switched.exitCode()).as(switched.output()).isZero();
        assertThat(switched.output()).contains("Readers now use v2", "The kappa-v1 job stopped");
        JsonNode status = status();
        assertThat(status.path("current").asInt()).isEqualTo(2);
        assertThat(version(status, 1).path("state").asText()).isEqualTo("retired");
        assertThat(version(status, 1).path("job").asText()).isEqualTo("stopped");

        JsonNode query = JSON.readTree(LabCli.run(lab, "query", "--kappa", "--json", "--hours", "24").output());
        assertThat(query.path("version").asInt()).isEqualTo(2);
        List<ClickEvent> withLate = new ArrayList<>(all());
        withLate.addAll(lateEvents);
        long botFreeEvents = withLate.stream().filter(KappaChange.BOT_FILTER::keeps).count();
        long served = 0;
        for (JsonNode row : query.path("rows")) {
            served += row.path("purchaseCount").asLong() + row.path("addToCartCount").asLong()
                    + row.path("pageViewCount").asLong();
        }
        assertThat(served).isEqualTo(botFreeEvents);
        assertThat(LabCli.run(lab, "query", "--kappa").output()).contains("Kappa view:       v2 (change bot-filter)");
        assertView(V1, truth(all())); // retired, not touched
    }

    @Test
    @Order(6)
    void dropRefusesTheCurrentVersionAndRemovesAnOldOne() throws Exception {
        LabCli.Run current = LabCli.run(lab, "kappa", "drop", "2");
        assertThat(current.exitCode()).isEqualTo(1);
        assertThat(current.output()).contains("v2 is the current version");

        LabCli.Run drop = LabCli.run(lab, "kappa", "drop", "1");
        assertThat(drop.exitCode()).as(drop.output()).isZero();
        assertThat(session.getMetadata().getKeyspace(KappaSchema.KEYSPACE).orElseThrow()
                .getTable(V1.activityTable())).isEmpty();
        assertThat(lab.kappaVersions().exists(V1)).isFalse();
        JsonNode status = status();
        assertThat(status.path("versions")).hasSize(1);
        assertThat(LabCli.run(lab, "status").output()).doesNotContain("kappa-v1").contains("kappa-v2");

        LabCli.Run stop = LabCli.run(lab, "kappa", "stop");
        assertThat(stop.exitCode()).as(stop.output()).isZero();
        assertThat(stop.output()).contains("The kappa-v2 job stopped");
    }

    /** What note 10 starts with: no version, no view, no pointer; the topic untouched. */
    @Test
    @Order(7)
    void resetRemovesEveryVersionAndThePointerButNotTheTopic() {
        Map<Integer, Long> topicEnd = KafkaTopics.latestOffsets(lab.endpoints().kafkaBootstrapServers(), topic);
        LabCli.Run started = LabCli.run(lab, "kappa", "start");
        assertThat(started.exitCode()).as(started.output()).isZero(); // v2, the current one, runs again

        LabCli.Run reset = LabCli.run(lab, "kappa", "reset");

        assertThat(reset.exitCode()).as(reset.output()).isZero();
        assertThat(reset.output()).contains("The kappa-v2 job stopped", "1 version folder(s)");
        session.refreshSchema();
        assertThat(session.getMetadata().getKeyspace(KappaSchema.KEYSPACE)).isEmpty();
        assertThat(lab.kappaVersions().all()).isEmpty();
        assertThat(KafkaTopics.latestOffsets(lab.endpoints().kafkaBootstrapServers(), topic)).isEqualTo(topicEnd);
        LabCli.Run query = LabCli.run(lab, "query", "--kappa");
        assertThat(query.exitCode()).isEqualTo(1);
        assertThat(query.output()).contains("there is no Kappa view yet");
    }

    // ---- helpers ----

    /** Generated events (seeded) into the topic, continuing in event time; paced at {@code rate}/s when above 0. */
    private void produce(int events, int rate, long seed) {
        GeneratorSettings settings = GeneratorSettings.builder().events(events).seed(seed).visitors(5_000)
                .startMs(nextStart).nominalRate(1000).rate(rate).build();
        nextStart += events * EVENT_MS;
        EventSink record = new EventSink() {
            @Override
            public void accept(ClickEvent event, String encodedLine) {
                produced.add(event);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        try (TeeSink sink = TeeSink.of(new KafkaSink(lab.endpoints().kafkaBootstrapServers(), topic), record)) {
            new ClickstreamGenerator(settings).writeTo(sink);
        }
    }

    private void produceLines(List<String> lines) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                KafkaSink.producerConfig(lab.endpoints().kafkaBootstrapServers(), Map.of()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String line : lines) {
                producer.send(new ProducerRecord<>(topic, line.getBytes(StandardCharsets.UTF_8))).get();
            }
        }
    }

    /** The distinct keys of the dead-letter topic, read from its start to its end. */
    private java.util.Set<String> deadLetterKeys() {
        java.util.Set<String> keys = new java.util.TreeSet<>();
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, lab.endpoints().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(StreamSettings.DEAD_LETTER_TOPIC).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(500))
                        .forEach(letter -> keys.add(new String(letter.key(), StandardCharsets.UTF_8)));
            }
        }
        return keys;
    }

    private List<ClickEvent> all() {
        synchronized (produced) {
            return List.copyOf(produced);
        }
    }

    private static SortedMap<ProductHour, HourlyActivity> truth(List<ClickEvent> events) {
        GroundTruth truth = new GroundTruth();
        events.forEach(truth::add);
        return truth.activity();
    }

    /** Counts exact; unique visitors within four standard errors of the sketch (and 1 for tiny groups). */
    private void assertView(KappaVersion version, SortedMap<ProductHour, HourlyActivity> truth) {
        Map<ProductHour, KappaViews.ViewRow> view = new TreeMap<>();
        KappaViews.read(session, version).forEach(row -> view.put(row.key(), row));
        assertThat(view.keySet()).as(version + "'s groups").containsExactlyElementsOf(truth.keySet());
        truth.forEach((key, expected) -> {
            KappaViews.ViewRow row = view.get(key);
            assertThat(List.of(row.purchases(), row.addToCarts(), row.pageViews())).as(version + " " + key)
                    .containsExactly(expected.purchaseCount(), expected.addToCartCount(), expected.pageViewCount());
            double allowed = Math.max(1, 4 * ViewAggregation.RELATIVE_STANDARD_ERROR * expected.uniqueVisitors());
            assertThat((double) row.uniqueVisitors()).as(version + " visitors of " + key)
                    .isCloseTo(expected.uniqueVisitors(), org.assertj.core.data.Offset.offset(allowed));
        });
    }

    private void awaitCaughtUp(KappaVersion version) {
        try {
            // `lab kappa status` computes the same from the same sources; asked directly, a poll costs no
            // CQL session (the machine has 2 cores)
            await(version + " caught up").atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> lag(version) == 0);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(version + " did not catch up; the end of its log:\n" + logTail(version), e);
        }
    }

    /** The version's lag as `lab kappa status` computes it: the topic's end minus its checkpoint's last commit. */
    private long lag(KappaVersion version) {
        String bootstrap = lab.endpoints().kafkaBootstrapServers();
        Map<Integer, Long> committed = KappaCheckpoint.read(lab.kappaVersions().checkpoint(version))
                .map(KappaCheckpoint::offsets).orElse(Map.of());
        return VersionLag.of(KafkaTopics.latestOffsets(bootstrap, topic), KafkaTopics.earliestOffsets(bootstrap, topic),
                committed).total();
    }

    private String logTail(KappaVersion version) {
        try {
            List<String> lines = Files.readAllLines(lab.kappaJob(version).logFile());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private JsonNode status() throws Exception {
        LabCli.Run status = LabCli.run(lab, "kappa", "status", "--json");
        assertThat(status.exitCode()).as(status.output()).isZero();
        return JSON.readTree(status.output());
    }

    private static JsonNode version(JsonNode status, int number) {
        for (JsonNode version : status.path("versions")) {
            if (version.path("version").asInt() == number) {
                return version;
            }
        }
        throw new AssertionError("no version " + number + " in " + status);
    }
}
