package lambdalab.lab.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import lambdalab.lab.service.HdfsDaemon;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each service of the test lab used for real, through its own client API. */
@ExtendWith(TestLab.Extension.class)
class ServicesRoundTripIT {

    @Test
    void kafkaDeliversEveryProducedRecordToAConsumer(TestLab testLab) throws Exception {
        String bootstrap = testLab.lab().services().kafka().bootstrapServers();
        String topic = "roundtrip-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
        Set<String> sent = new HashSet<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", bootstrap, "acks", "all", "enable.idempotence", true),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 1000; i++) {
                String value = "event-" + i;
                producer.send(new ProducerRecord<>(topic, Integer.toString(i), value)).get();
                sent.add(value);
            }
        }
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrap);
        config.put("group.id", "roundtrip");
        config.put("auto.offset.reset", "earliest");
        Set<String> received = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 60_000;
            while (received.size() < sent.size() && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    received.add(record.value());
                }
            }
        }
        assertThat(received).isEqualTo(sent);
    }

    @Test
    void cassandraStoresAndReturnsRowsOverCql(TestLab testLab) {
        try (CqlSession session = testLab.lab().services().cassandra().openSession(Duration.ofSeconds(30))) {
            session.execute("CREATE KEYSPACE IF NOT EXISTS roundtrip WITH replication = "
                    + "{'class': 'SimpleStrategy', 'replication_factor': 1}");
            session.execute("CREATE TABLE IF NOT EXISTS roundtrip.visits (product text, hour bigint, views bigint, "
                    + "PRIMARY KEY (product, hour)) WITH CLUSTERING ORDER BY (hour DESC)");
            for (long hour = 0; hour < 5; hour++) {
                session.execute("INSERT INTO roundtrip.visits (product, hour, views) VALUES (?, ?, ?)",
                        "Brand,Product", hour * 3_600_000, hour * 10);
            }
            List<Row> rows = session.execute("SELECT hour, views FROM roundtrip.visits WHERE product = ?",
                    "Brand,Product").all();
            List<Long> hours = new ArrayList<>();
            rows.forEach(row -> hours.add(row.getLong("hour")));
            assertThat(hours).containsExactly(14_400_000L, 10_800_000L, 7_200_000L, 3_600_000L, 0L);
            assertThat(rows.get(0).getLong("views")).isEqualTo(40L);
        }
    }

    @Test
    void hdfsWritesAndReadsAFileThroughTheFileSystemApi(TestLab testLab) throws Exception {
        HdfsDaemon nameNode = testLab.lab().services().nameNode();
        Configuration conf = new Configuration();
        nameNode.clientSettings().forEach(conf::set);
        String text = "timestamp\treferrer\taction\n".repeat(10_000);
        try (FileSystem fs = FileSystem.newInstance(URI.create(nameNode.defaultFs()), conf)) {
            Path file = new Path("/roundtrip/" + UUID.randomUUID() + ".tsv");
            try (FSDataOutputStream out = fs.create(file)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            try (FSDataInputStream in = fs.open(file)) {
                in.transferTo(read);
            }
            assertThat(read.toString(StandardCharsets.UTF_8)).isEqualTo(text);
            assertThat(fs.getFileStatus(file).getReplication()).isEqualTo((short) 1);
            assertThat(fs.listStatus(file.getParent())).hasSize(1);
            assertThat(fs.delete(file, false)).isTrue();
        }
    }
}
