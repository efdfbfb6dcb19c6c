package lambdalab.course.speed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.clickstream.ClickstreamCodec;
import lambdalab.course.clickstream.ClickstreamGenerator;
import lambdalab.course.clickstream.GeneratorSettings;
import lambdalab.course.clickstream.ProductHour;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.kafka010.OffsetRange;
import scala.Tuple2;

/**
 * What the first batch of a fresh JVM does slowly, done once before the job reads Kafka, on
 * generated events: the aggregation, the raw files' Parquet encoding (into a local folder, deleted
 * after), and the view-row lookups of groups entering the state (reads). It writes nothing the lab
 * keeps.
 *
 * <p>Why: a first batch planned and compiled its aggregation (Spark SQL's planning and code
 * generation, the sketch library's first use) on the thread that generates the batches, then
 * opened a session and encoded its first Parquet: 6 s of planning and 5 s of processing here, and a
 * live job at 2,000 events/s was 12-19 s behind for the first minute (`lab bench demo`). Spark keeps
 * generated code by its text, so the real batches reuse what this compiled, and the JIT has seen
 * the code paths.
 */
final class FirstBatchWarmUp {

    /** About a batch of the demo's rate: enough for every code path of a batch to run. */
    static final int EVENTS = 2_000;

    /** Groups looked up the way an entering group is (reads only): the session's first requests are slow. */
    static final int LOOKUPS = 64;

    private FirstBatchWarmUp() {
    }

    /** Returns the number of (product, hour) groups the generated events made. */
    static int run(JavaSparkContext spark, StreamSettings settings) {
        List<ClickEvent> events = generated();
        List<Tuple2<ProductHour, HourAggregate>> groups = HourAggregates.of(spark.parallelize(events, 2)).collect();
        encodeRawFiles(events, settings.topic());
        if (settings.writeOutputs()) {
            StateEntries entries = StateEntries.on(settings.endpoints());
            Instant now = Instant.now();
            groups.stream().limit(LOOKUPS)
                    .forEach(group -> entries.lookUp(group._1(), now, ViewsBaseline.startingOver()));
        }
        return groups.size();
    }

    private static List<ClickEvent> generated() {
        ClickstreamGenerator generator = new ClickstreamGenerator(GeneratorSettings.builder().events(EVENTS).build());
        List<ClickEvent> events = new ArrayList<>(EVENTS);
        while (generator.hasNext()) {
            events.add(generator.next());
        }
        return events;
    }

    /** The events as the Kafka records of one partition, written by the raw files' own code to a local folder. */
    private static void encodeRawFiles(List<ClickEvent> events, String topic) {
        List<ParsedRecord> records = new ArrayList<>(events.size());
        for (int offset = 0; offset < events.size(); offset++) {
            byte[] line = ClickstreamCodec.encode(events.get(offset)).getBytes(StandardCharsets.UTF_8);
            records.add(ParsedRecord.of(new ConsumerRecord<>(topic, 0, offset, null, line)));
        }
        Configuration local = new Configuration();
        try {
            Path folder = Files.createTempDirectory("speed-layer-warm-up");
            try {
                RawFiles.write(records.iterator(), folder.toUri().toString(), topic,
                        Map.of(0, OffsetRange.create(topic, 0, 0, events.size())), local, true, false);
            } finally {
                FileSystem.getLocal(local).delete(new org.apache.hadoop.fs.Path(folder.toUri()), true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot warm up the raw files' encoding in a temporary folder", e);
        }
    }
}
