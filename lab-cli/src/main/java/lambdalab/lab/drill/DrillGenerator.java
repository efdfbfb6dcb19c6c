package lambdalab.lab.drill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import lambdalab.course.clickstream.ClickstreamGenerator;
import lambdalab.course.clickstream.EventSink;
import lambdalab.course.clickstream.GeneratorSettings;
import lambdalab.course.clickstream.GroundTruth;
import lambdalab.course.clickstream.TeeSink;
import lambdalab.course.kafka.KafkaSink;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The generator of a drill: a steady rate into Kafka for a while, with the exact truth of what it
 * sent and the downtime it saw (the longest time Kafka acknowledged nothing). A drill may add sinks
 * that see every event too, with the Kafka sink at hand (to mix malformed lines in, to keep the
 * truth of a subset).
 */
final class DrillGenerator extends Thread {

    /** Room for the bad-input drill's 1 MB line (the producer's default limit is 1 MiB with the record's overhead). */
    private static final int MAX_REQUEST_BYTES = 2 * 1024 * 1024;
    private static final long SAMPLE_MS = 50;

    private final String bootstrapServers;
    private final String topic;
    private final GeneratorSettings settings;
    private final Function<KafkaSink, List<EventSink>> extraSinks;
    private final GroundTruth truth = new GroundTruth();
    private final AckGaps gaps = new AckGaps();
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    DrillGenerator(String bootstrapServers, String topic, int rate, Duration duration, long startMs) {
        this(bootstrapServers, topic, rate, duration, startMs, kafka -> List.of());
    }

    DrillGenerator(String bootstrapServers, String topic, int rate, Duration duration, long startMs,
                   Function<KafkaSink, List<EventSink>> extraSinks) {
        super("drill-generator");
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.extraSinks = extraSinks;
        this.settings = GeneratorSettings.builder().events(rate * Math.max(1, duration.toSeconds())).rate(rate)
                .nominalRate(rate).startMs(startMs).topic(topic).build();
    }

    @Override
    public void run() {
        KafkaSink kafka = new KafkaSink(bootstrapServers, topic,
                Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_BYTES));
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> gaps.sample(kafka.acknowledged(), System.currentTimeMillis()), 0, SAMPLE_MS,
                TimeUnit.MILLISECONDS);
        List<EventSink> sinks = new ArrayList<>(List.of(kafka, truth));
        sinks.addAll(extraSinks.apply(kafka));
        try (TeeSink sink = new TeeSink(sinks)) {
            new ClickstreamGenerator(settings).writeTo(sink, () -> running);
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            sampler.shutdownNow();
        }
    }

    /** Stops after the event being sent; the truth then holds exactly what was sent (and flushed). */
    void finish() throws InterruptedException {
        running = false;
        join();
    }

    /** Read only after the generator has finished. */
    GroundTruth truth() {
        return truth;
    }

    /** A failed send ends the generator: this is its failure (or null). */
    RuntimeException failure() {
        return failure;
    }

    /** The longest time without an acknowledged send so far. */
    long longestAckGapMs() {
        return gaps.longestMs();
    }
}
