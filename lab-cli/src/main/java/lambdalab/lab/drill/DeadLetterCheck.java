package lambdalab.lab.drill;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import lambdalab.course.kafka.KafkaTopics;
import lambdalab.course.kafka.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The dead letters the speed layer sent during a drill, against the malformed lines the drill sent:
 * read from the offsets the topic had before the drill, one per source position (a batch replayed
 * after a crash may send its dead letters again; the key tells them apart), counted by the reason
 * header, which must match the defect of each kind exactly.
 */
final class DeadLetterCheck {

    private final String bootstrapServers;
    private final String deadLetterTopic;
    private final String sourceTopic;
    private final Map<Integer, Long> before;
    private List<ConsumerRecord<byte[], byte[]>> letters;

    /** Notes where the dead-letter topic ends now: the drill's letters come after. */
    DeadLetterCheck(String bootstrapServers, String deadLetterTopic, String sourceTopic) {
        this.bootstrapServers = bootstrapServers;
        this.deadLetterTopic = deadLetterTopic;
        this.sourceTopic = sourceTopic;
        this.before = KafkaTopics.exists(bootstrapServers, deadLetterTopic)
                ? KafkaTopics.latestOffsets(bootstrapServers, deadLetterTopic) : Map.of();
    }

    /** The drill's letters (one per source record), by their reason header. */
    Map<String, Long> reasons() {
        return new TreeMap<>(count(letters(), "reason"));
    }

    /** How many of the drill's letters say their record had {@code bytes} bytes. */
    long ofSize(int bytes) {
        return count(letters(), "original_bytes").getOrDefault(Integer.toString(bytes), 0L);
    }

    /** What the letters should say, from what the drill sent. */
    static Map<String, Long> expected(Map<MalformedLines.Kind, Long> sent) {
        Map<String, Long> reasons = new TreeMap<>();
        new EnumMap<>(sent).forEach((kind, count) -> reasons.merge(kind.reason.name(), count, Long::sum));
        return reasons;
    }

    static String describe(Map<String, Long> reasons) {
        StringBuilder text = new StringBuilder();
        reasons.forEach((reason, count) -> text.append(text.isEmpty() ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %,d", reason, count)));
        return text.isEmpty() ? "none" : text.toString();
    }

    /** Read once, after the speed layer has caught up. */
    private List<ConsumerRecord<byte[], byte[]>> letters() {
        if (letters == null) {
            letters = read();
        }
        return letters;
    }

    private List<ConsumerRecord<byte[], byte[]>> read() {
        Map<String, ConsumerRecord<byte[], byte[]>> byPosition = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> letter : TopicRecords.read(bootstrapServers, deadLetterTopic, before,
                KafkaTopics.latestOffsets(bootstrapServers, deadLetterTopic))) {
            String key = letter.key() == null ? "" : new String(letter.key(), StandardCharsets.UTF_8);
            if (key.startsWith(sourceTopic + "-")) {
                byPosition.put(key, letter);
            }
        }
        return List.copyOf(byPosition.values());
    }

    private static Map<String, Long> count(List<ConsumerRecord<byte[], byte[]>> letters, String header) {
        Map<String, Long> counts = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> letter : letters) {
            Header value = letter.headers().lastHeader(header);
            counts.merge(value == null ? "(no " + header + ")" : new String(value.value(), StandardCharsets.UTF_8), 1L,
                    Long::sum);
        }
        return counts;
    }
}
