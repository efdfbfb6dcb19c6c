package lambdalab.lab.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import lambdalab.course.kafka.KafkaTopics;
import lambdalab.course.views.SchemaChanges;
import lambdalab.lab.Lab;
import lambdalab.lab.service.HdfsDaemon;
import lambdalab.lab.service.PortProbe;
import lambdalab.lab.service.SparkWorkerService;
import lambdalab.lab.supervisor.ServiceState;
import lambdalab.lab.supervisor.ServiceStatus;
import lambdalab.lab.system.Ports;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A cluster-profile lab of its own (3 Kafka brokers, 3 Cassandra nodes on 127.0.0.1-3, a NameNode and
 * 3 DataNodes, a Spark master and 2 workers), started once: every node answers and replicates; then,
 * with one broker and one Cassandra node killed, acks=all writes and QUORUM writes still succeed.
 * Then the speed layer is submitted to the Spark cluster (executors in both workers), and the short
 * form of `lab drill node-loss` kills a broker with a Cassandra node, then a DataNode with a Spark worker,
 * under live traffic: the job runs on, its views equal the truth, every node rejoins.
 *
 * <p>The run's first class (junit-platform.properties orders classes by this annotation): its thirteen
 * JVMs have the cores to themselves, before the run's shared lab starts and its jobs run beside them.
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterProfileIT {

    private static final List<String> NODES = List.of("kafka", "kafka-2", "kafka-3", "cassandra", "cassandra-2",
            "cassandra-3", "namenode", "datanode", "datanode-2", "datanode-3", "spark-master", "spark-worker",
            "spark-worker-2");
    private static final String TOPIC = "cluster-check";

    private static final java.util.Set<Long> KILLED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static Lab lab;
    private static long startedAt;

    @BeforeAll
    static void startClusterLab() {
        startedAt = System.nanoTime();
        // a lab started once: no class archives (their first clean stop would write thirteen of them);
        // thirteen JVMs starting at once may take longer than a single lab's 180 s (294 s measured on a
        // machine loaded to a load average of 48). Its speed layer warms up as a learner's does (the
        // suite's other labs skip that): the warm-up's Spark tasks then run on the cluster's executors
        lab = TestLab.newInstance("lab-cluster-test-", Map.of("profile", "cluster", "class.sharing", "false",
                "ready.timeout.seconds", "480", "stream.warm.up", "true"));
        assertThat(lab.startInBackground(System.out, OptionalLong.of(ProcessHandle.current().pid())))
                .as("the cluster lab starts").isTrue();
        System.out.printf("ClusterProfileIT: the cluster lab was ready in %.1f s%n", seconds(startedAt));
    }

    @AfterAll
    static void stopClusterLab() {
        if (lab != null) {
            TestLab.destroy(lab);
        }
        System.out.printf("ClusterProfileIT: %.1f s in all, start and stop included%n", seconds(startedAt));
    }

    @Test
    @Order(1)
    void everyNodeIsReadyAndReplicatesAndWritesOutliveANodeDown() throws Exception {
        assertThat(lab.status()).extracting(ServiceStatus::name).containsExactlyElementsOf(NODES);
        assertThat(lab.status()).allMatch(s -> s.state() == ServiceState.READY && s.pid() > 0);
        for (ServiceStatus node : lab.status()) {
            assertThat(Ports.listenersOf(node.pid())).as(node.name() + " listens on loopback only")
                    .isNotEmpty().allMatch(Ports.Listener::loopback);
        }
        kafkaHasThreeBrokersAndReplicatesThreeTimes();
        cassandraHasThreeNodesUp();
        hdfsKeepsThreeReplicasOfEachBlock();

        ProcessHandle supervisor = lab.runningSupervisor().orElseThrow();
        signal(supervisor, "STOP"); // no restarts while the nodes are down: the writes below must do without them
        try {
            killNode("kafka-3");
            killNode("cassandra-3");
            anAcksAllProducerSucceedsWithTwoBrokers();
            aQuorumWriteSucceedsWithTwoNodes();
        } finally {
            signal(supervisor, "CONT");
        }
    }

    @Test
    @Order(2)
    void theSpeedLayerIsSubmittedToTheSparkClusterAndItsExecutorsRunInBothWorkers() throws Exception {
        everyNodeReadyAgain(); // the test before killed two nodes
        assertThat(LabCli.run(lab, "stream", "start").exitCode()).isZero();
        ServiceStatus job = lab.jobStatus().stream().filter(s -> s.name().equals("stream")).findFirst().orElseThrow();
        // the kernel's copy of its command line: Java's ProcessHandle.Info cuts long ones short
        String commandLine = Files.readString(java.nio.file.Path.of("/proc", Long.toString(job.pid()), "cmdline")).replace('\0', ' ');
        assertThat(commandLine).as("the driver is spark-submit's, with the course jar").contains("org.apache.spark.deploy.SparkSubmit",
                        "--master spark://127.0.0.1:" + lab.settings().port("spark.master.port"), "--deploy-mode client",
                        "--class lambdalab.course.speed.SpeedLayerJob", "lambda-lab-course.jar");
        JsonNode app = await().atMost(Duration.ofSeconds(60)).until(ClusterProfileIT::streamApplication,
                java.util.Optional::isPresent).orElseThrow();
        assertThat(app.path("cores").asInt()).as("the cores of local[2]").isEqualTo(2);
        String appId = app.path("id").asText();
        for (SparkWorkerService worker : lab.services().sparkWorkers()) {
            assertThat(runningExecutors(worker, appId)).as(worker.name() + " runs an executor of " + appId).isPositive();
        }
        assertThat(Files.readString(lab.settings().home().resolve("logs").resolve("stream.log")))
                .as("the job's start-up line").containsPattern("Started in .*first batch warmed up");
    }

    @Test
    @Order(3)
    void nodeLossShortTheJobRunsOnAndTheViewsEqualTheTruthAndEveryNodeRejoins() throws Exception {
        LabCli.Run drill = LabCli.run(lab, "drill", "node-loss", "--short");
        assertThat(drill.output()).contains("kafka-2 kill -9", "cassandra-2 kill -9", "datanode-2 kill -9",
                "spark-worker-2 kill -9", "0 failed sends", "speed layer: kept running", "stream views vs truth: EQUAL",
                "raw rows vs events: EQUAL").containsPattern("spark-worker-2 kill -9: PID [0-9]+ killed, [0-9]+ rejoined");
        assertThat(drill.exitCode()).as(drill.output()).isZero();
        // the master lists both workers alive again (the killed one's old registration is dead)
        JsonNode master = masterState();
        assertThat(master.path("aliveworkers").asInt()).isEqualTo(2);
        assertThat(LabCli.run(lab, "stream", "stop").exitCode()).isZero();
    }

    /** A single-node lab's settings (the lab is never started): the drill refuses before it does anything. */
    @Test
    @Order(4)
    void nodeLossRefusesASingleNodeLabAndSaysHowToStartTheClusterProfile() throws IOException {
        Lab single = TestLab.newInstance("lab-single-refusal-", Map.of());
        try {
            LabCli.Run refused = LabCli.run(single, "drill", "node-loss", "--short");
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.output()).contains("needs the cluster profile", "profile is single",
                    "./lab up --profile cluster").doesNotContain("kill -9");
            assertThat(single.runningSupervisor()).isEmpty();
        } finally {
            TestLab.destroy(single);
        }
    }

    /** Every node ready, none of them a process this class killed: the supervisor's status says READY until it sees a death. */
    private static void everyNodeReadyAgain() {
        await().atMost(Duration.ofMinutes(5)).untilAsserted(() -> assertThat(lab.status())
                .allMatch(s -> s.state() == ServiceState.READY && !KILLED.contains(s.pid())));
    }

    private static java.util.Optional<JsonNode> streamApplication() throws IOException, InterruptedException {
        for (JsonNode app : masterState().path("activeapps")) {
            if (app.path("name").asText().equals("speed layer") && app.path("state").asText().equals("RUNNING")) {
                return java.util.Optional.of(app);
            }
        }
        return java.util.Optional.empty();
    }

    private static JsonNode masterState() throws IOException, InterruptedException {
        return json(lab.settings().port("spark.master.ui.port"));
    }

    /** The executors of {@code appId} a worker runs, from its own web UI's state. */
    private static long runningExecutors(SparkWorkerService worker, String appId) throws Exception {
        JsonNode state = json(worker.endpoints().get(1).port());
        long running = 0;
        for (JsonNode executor : state.path("executors")) {
            if (executor.path("appid").asText().equals(appId)) {
                running++;
            }
        }
        return running;
    }

    private static JsonNode json(int uiPort) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + uiPort + "/json/")).build();
        return new ObjectMapper().readTree(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString())
                .body());
    }

    private void kafkaHasThreeBrokersAndReplicatesThreeTimes() throws Exception {
        String bootstrap = lab.endpoints().kafkaBootstrapServers();
        assertThat(bootstrap.split(",")).hasSize(3);
        KafkaTopics.ensureTopic(bootstrap, TOPIC, 2);
        try (Admin admin = Admin.create(KafkaTopics.adminConfig(bootstrap))) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(3);
            assertThat(admin.describeMetadataQuorum().quorumInfo().get().voters()).hasSize(3);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (TopicPartitionInfo partition : describe(admin).partitions()) {
                    assertThat(partition.replicas()).hasSize(3);
                    assertThat(partition.isr()).hasSize(3);
                }
            });
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
        }
    }

    private void cassandraHasThreeNodesUp() {
        try (CqlSession session = lab.services().cassandra().openSession(Duration.ofSeconds(30))) {
            // each node answers CQL once it is ready; gossip may tell the seed of the last one a moment later
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(session.execute("SELECT peer FROM system.peers_v2").all()).hasSize(2);
                assertThat(nodeStates(session)).containsExactly(NodeState.UP, NodeState.UP, NodeState.UP);
            });
            // every schema change goes to one node, the lowest address, whichever node the driver would pick
            List<Node> coordinators = new ArrayList<>();
            for (String ddl : List.of("CREATE KEYSPACE IF NOT EXISTS cluster_check WITH replication = "
                    + "{'class': 'SimpleStrategy', 'replication_factor': 3}",
                    "CREATE TABLE IF NOT EXISTS cluster_check.counts (id int PRIMARY KEY, value text)",
                    "ALTER TABLE cluster_check.counts WITH comment = 'schema node check'",
                    "CREATE TABLE IF NOT EXISTS cluster_check.counts (id int PRIMARY KEY, value text)")) {
                coordinators.add(SchemaChanges.execute(session, ddl).getExecutionInfo().getCoordinator());
            }
            assertThat(coordinators).extracting(node -> node.getEndPoint().toString()).containsOnly("/127.0.0.1:"
                    + lab.settings().port("cassandra.port"));
            SchemaChanges.awaitAgreement(session, Duration.ofSeconds(60));
        }
    }

    private void hdfsKeepsThreeReplicasOfEachBlock() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> liveDataNodes() == 3);
        HdfsDaemon nameNode = lab.services().nameNode();
        Configuration conf = new Configuration();
        nameNode.clientSettings().forEach(conf::set);
        conf.set("dfs.blocksize", Integer.toString(1 << 20)); // two blocks for the 1.5 MB below
        try (FileSystem fs = FileSystem.newInstance(URI.create(nameNode.defaultFs()), conf)) {
            Path file = new Path("/cluster-check/blocks.bin");
            try (FSDataOutputStream out = fs.create(file, true)) {
                out.write(new byte[3 << 19]);
            }
            assertThat(fs.getFileStatus(file).getReplication()).isEqualTo((short) 3);
            // seen once under load: a block written on two DataNodes only (the NameNode leaves out a
            // DataNode it finds too busy or without a storage report yet); it then copies the block to
            // the third, which is what replication 3 promises
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                BlockLocation[] blocks = fs.getFileBlockLocations(file, 0, Long.MAX_VALUE);
                assertThat(blocks).hasSize(2);
                for (BlockLocation block : blocks) {
                    assertThat(block.getNames()).as("the replicas of a block, one per DataNode").hasSize(3)
                            .doesNotHaveDuplicates();
                }
            });
        }
    }

    private void anAcksAllProducerSucceedsWithTwoBrokers() throws Exception {
        String bootstrap = lab.endpoints().kafkaBootstrapServers();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                "acks", "all", "enable.idempotence", true, "delivery.timeout.ms", 60_000),
                new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                sends.add(producer.send(new ProducerRecord<>(TOPIC, Integer.toString(i), "after-kill-" + i)));
            }
            for (Future<RecordMetadata> send : sends) {
                assertThat(send.get(90, TimeUnit.SECONDS).hasOffset()).isTrue();
            }
        }
        try (Admin admin = Admin.create(KafkaTopics.adminConfig(bootstrap))) {
            // the killed broker stays out of every in-sync set: the acks came from two copies (min ISR 2)
            for (TopicPartitionInfo partition : describe(admin).partitions()) {
                assertThat(partition.isr()).hasSize(2).noneMatch(node -> node.id() == 3);
            }
        }
    }

    private void aQuorumWriteSucceedsWithTwoNodes() {
        try (CqlSession session = lab.services().cassandra().openSession(Duration.ofSeconds(30))) {
            for (int id = 0; id < 20; id++) {
                session.execute(SimpleStatement.newInstance("INSERT INTO cluster_check.counts (id, value) VALUES (?, ?)",
                        id, "written with a node down").setConsistencyLevel(ConsistencyLevel.QUORUM).setIdempotent(true));
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(nodeStates(session))
                    .containsExactlyInAnyOrder(NodeState.UP, NodeState.UP, NodeState.DOWN));
            // a read may still be sent to the dead node until the others' failure detector convicts it
            // (seconds): then two replicas answer, and they hold every row
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
                Row row = session.execute(SimpleStatement.newInstance("SELECT count(*) FROM cluster_check.counts")
                        .setConsistencyLevel(ConsistencyLevel.QUORUM).setTimeout(Duration.ofSeconds(30))).one();
                assertThat(row.getLong(0)).isEqualTo(20);
            });
        }
    }

    private static TopicDescription describe(Admin admin) throws Exception {
        return admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
    }

    private static List<NodeState> nodeStates(CqlSession session) {
        Collection<Node> nodes = session.getMetadata().getNodes().values();
        return nodes.stream().map(Node::getState).toList();
    }

    private static int liveDataNodes() throws IOException, InterruptedException {
        int port = lab.services().nameNode().endpoints().get(1).port();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/jmx?qry=Hadoop:service=NameNode,name=FSNamesystemState")).build();
        String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        var matcher = java.util.regex.Pattern.compile("\"NumLiveDataNodes\"\\s*:\\s*(\\d+)").matcher(body);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    /**
     * SIGKILL to a node, as a crash would; returns once its port is closed. (Its process stays a
     * zombie while the stopped supervisor, its parent, cannot reap it: the process handle would not end.)
     */
    private static void killNode(String name) {
        ServiceStatus status = lab.status().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        KILLED.add(status.pid());
        assertThat(ProcessHandle.of(status.pid()).orElseThrow().destroyForcibly()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> !PortProbe.accepts(status.endpoints().get(0)));
    }

    private static void signal(ProcessHandle process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
