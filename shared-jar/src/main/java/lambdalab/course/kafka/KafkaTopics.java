package lambdalab.course.kafka;

import java.time.Duration;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

/** Topic administration the course needs: make sure a topic exists, with the partitions asked for. */
public final class KafkaTopics {

    /** How long any Kafka call may take before the lab reports Kafka as unreachable. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    /**
     * The topic settings of a log that is the system's history (the clickstream topic): kept whole,
     * whatever its age or size, so a Kappa version can be recomputed from offset 0. The broker's
     * defaults (168 hours, 1 GiB per partition) would delete the start of the history.
     */
    public static final Map<String, String> KEEP_EVERYTHING = Map.of("retention.ms", "-1", "retention.bytes", "-1");

    private KafkaTopics() {
    }

    /**
     * Creates the topic with {@code partitions} partitions if it does not exist, with the brokers'
     * default replication factor and min ISR (the lab's single node: 1; its cluster profile or a real
     * cluster: 3, and min ISR 2), so the same code is right wherever it runs.
     *
     * @return the number of partitions the topic has (an existing topic keeps its own)
     */
    public static int ensureTopic(String bootstrapServers, String topic, int partitions) {
        return ensureTopic(bootstrapServers, topic, partitions, Map.of());
    }

    /**
     * Creates a clickstream topic (the log the views are computed from) if it does not exist, keeping
     * everything ({@link #KEEP_EVERYTHING}): the generator, the demo and the jobs create it alike.
     */
    public static int ensureLogTopic(String bootstrapServers, String topic, int partitions) {
        return ensureTopic(bootstrapServers, topic, partitions, KEEP_EVERYTHING);
    }

    /** As {@link #ensureTopic(String, String, int)}, creating the topic with {@code configs} (e.g. compaction). */
    public static int ensureTopic(String bootstrapServers, String topic, int partitions, Map<String, String> configs) {
        try (Admin admin = Admin.create(adminConfig(bootstrapServers))) {
            Optional<TopicDescription> existing = describe(admin, bootstrapServers, topic);
            if (existing.isPresent()) {
                return existing.get().partitions().size();
            }
            try {
                admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()).configs(configs))).all()
                        .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) { // created meanwhile: fine
                    throw new IllegalStateException("Cannot create topic " + topic + ": " + e.getCause().getMessage(), e);
                }
            }
            awaitLogs(admin, bootstrapServers, topic, partitions);
            return partitions;
        } catch (TimeoutException e) {
            throw new KafkaUnreachableException(bootstrapServers, "a topic request", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + topic, e);
        }
    }

    /**
     * Returns once the leader of every partition has its log. The controller acknowledges a new topic
     * before the broker has created the logs; an idempotent producer that starts sending then gets its
     * first batches refused while later ones land, and the gap in its sequence numbers makes Kafka
     * refuse every retry (OutOfOrderSequenceException) until the records expire. A ListOffsets request
     * is answered only by a leader that has the log ("does not host this topic-partition" before).
     */
    private static void awaitLogs(Admin admin, String bootstrapServers, String topic, int partitions)
            throws InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int partition = 0; partition < partitions; partition++) {
            request.put(new TopicPartition(topic, partition), OffsetSpec.latest());
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                admin.listOffsets(request).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("Topic " + topic + " was created, but its partitions did not "
                            + "become readable at " + bootstrapServers + ": " + e.getCause().getMessage(), e);
                }
                Thread.sleep(50);
            }
        }
    }

    /**
     * Sets {@link #KEEP_EVERYTHING} on an existing topic (one created before, with the broker's
     * retention): from now on nothing more is deleted. What retention deleted already stays lost.
     */
    public static void keepEverything(String bootstrapServers, String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        List<AlterConfigOp> operations = KEEP_EVERYTHING.entrySet().stream()
                .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET)).toList();
        try (Admin admin = Admin.create(adminConfig(bootstrapServers))) {
            admin.incrementalAlterConfigs(Map.of(resource, operations)).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new KafkaUnreachableException(bootstrapServers, "a topic configuration request", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot set the retention of " + topic + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while setting the retention of " + topic, e);
        }
    }

    /** Whether {@code topic} exists. */
    public static boolean exists(String bootstrapServers, String topic) {
        try (Admin admin = Admin.create(adminConfig(bootstrapServers))) {
            return describe(admin, bootstrapServers, topic).isPresent();
        } catch (TimeoutException e) {
            throw new KafkaUnreachableException(bootstrapServers, "a metadata request", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while describing " + topic, e);
        }
    }

    /** The earliest offset Kafka still holds for each partition of {@code topic}. */
    public static Map<Integer, Long> earliestOffsets(String bootstrapServers, String topic) {
        return offsets(bootstrapServers, topic, OffsetSpec.earliest());
    }

    /** The next offset to be written (the end) of each partition of {@code topic}. */
    public static Map<Integer, Long> latestOffsets(String bootstrapServers, String topic) {
        return offsets(bootstrapServers, topic, OffsetSpec.latest());
    }

    private static Map<Integer, Long> offsets(String bootstrapServers, String topic, OffsetSpec spec) {
        try (Admin admin = Admin.create(adminConfig(bootstrapServers))) {
            TopicDescription description = describe(admin, bootstrapServers, topic)
                    .orElseThrow(() -> new IllegalStateException("Topic " + topic + " does not exist"));
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            description.partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()), spec));
            Map<Integer, Long> earliest = new TreeMap<>();
            admin.listOffsets(request).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((partition, info) -> earliest.put(partition.partition(), info.offset()));
            return earliest;
        } catch (TimeoutException e) {
            throw new KafkaUnreachableException(bootstrapServers, "an offsets request", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the offsets of " + topic + ": "
                    + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the offsets of " + topic, e);
        }
    }

    private static Optional<TopicDescription> describe(Admin admin, String bootstrapServers, String topic)
            throws InterruptedException, TimeoutException {
        try {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.ofNullable(topics.get(topic));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw new KafkaUnreachableException(bootstrapServers, "a metadata request", e);
            }
            throw new IllegalStateException("Cannot describe topic " + topic + ": " + e.getCause().getMessage(), e);
        }
    }

    public static Map<String, Object> adminConfig(String bootstrapServers) {
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    }
}
