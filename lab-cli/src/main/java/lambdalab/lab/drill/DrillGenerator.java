package lambdalab.lab.drill;

import java.time.Duration;
import lambdalab.course.clickstream.ClickstreamGenerator;
import lambdalab.course.clickstream.GeneratorSettings;
import lambdalab.course.clickstream.GroundTruth;
import lambdalab.course.clickstream.TeeSink;
import lambdalab.course.kafka.KafkaSink;

/** The generator of a drill: a steady rate into Kafka for a while, with the exact truth of what it sent. */
final class DrillGenerator extends Thread {

    private final String bootstrapServers;
    private final String topic;
    private final GeneratorSettings settings;
    private final GroundTruth truth = new GroundTruth();
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    DrillGenerator(String bootstrapServers, String topic, int rate, Duration duration, long startMs) {
        super("drill-generator");
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.settings = GeneratorSettings.builder().events(rate * Math.max(1, duration.toSeconds())).rate(rate)
                .nominalRate(rate).startMs(startMs).topic(topic).build();
    }

    @Override
    public void run() {
        try (TeeSink sink = TeeSink.of(new KafkaSink(bootstrapServers, topic), truth)) {
            new ClickstreamGenerator(settings).writeTo(sink, () -> running);
        } catch (RuntimeException e) {
            failure = e;
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

    RuntimeException failure() {
        return failure;
    }
}
