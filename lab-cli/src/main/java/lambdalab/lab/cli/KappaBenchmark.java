package lambdalab.lab.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import lambdalab.course.LabEndpoints;
import lambdalab.course.batch.BatchLayer;
import lambdalab.course.batch.BatchResult;
import lambdalab.course.batch.MalformedLines;
import lambdalab.course.batch.RawEvents;
import lambdalab.course.batch.TsvEvents;
import lambdalab.course.clickstream.Action;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.clickstream.ClickstreamCodec;
import lambdalab.course.clickstream.ClickstreamGenerator;
import lambdalab.course.clickstream.EventSink;
import lambdalab.course.clickstream.FileSink;
import lambdalab.course.clickstream.GeneratorSettings;
import lambdalab.course.clickstream.TeeSink;
import lambdalab.course.kafka.KafkaSink;
import lambdalab.course.kafka.KafkaTopics;
import lambdalab.course.kappa.KappaChange;
import lambdalab.course.kappa.KappaCheckpoint;
import lambdalab.course.kappa.KappaSchema;
import lambdalab.course.kappa.KappaVersion;
import lambdalab.course.kappa.VersionLag;
import lambdalab.course.spark.LabSpark;
import lambdalab.course.views.LambdaSchema;
import lambdalab.lab.Lab;
import lambdalab.lab.system.Directories;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `lab bench kappa`: on a separate instance, the same events computed the two ways of module 10's
 * comparison: the Kappa job replaying them from the log into a view, and the Lambda batch layer
 * over them as raw Parquet on HDFS (aggregation and view writes both ways); then the Kappa job live,
 * with the time from a probe event's send to its count in the view.
 */
@Command(name = "kappa", mixinStandardHelpOptions = true,
        description = {"Start a separate lab instance (your lab is not touched), generate --events events into its "
                + "clickstream topic and, the same events, into raw Parquet on its HDFS. Then time the Kappa job "
                + "replaying the topic into version 1 of its view (from its first micro-batch until it has caught "
                + "up), and the Lambda batch layer over the Parquet (both views written). Then, with the Kappa job "
                + "live and the generator sending --rate events/s, print the p50/p99 time from a probe event's send "
                + "to its count in the view.",
                "Prints events/s of both, their ratio, the replay's micro-batches, and the live latency."})
final class KappaBenchmark implements Callable<Integer> {

    private static final KappaVersion VERSION = new KappaVersion(1);
    private static final String PROBE_PRODUCT = "Bench,Latency Probe";
    private static final int PROBES_PER_SECOND = 10;

    @Mixin
    LabOptions options;

    @Mixin
    BenchProgress benchProgress;

    @Option(names = "--events", defaultValue = "10000000", description = "Events replayed and batch-processed "
            + "(default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--hours", defaultValue = "6", description = "Simulated hours the events span "
            + "(default: ${DEFAULT-VALUE}).")
    int hours;

    @Option(names = "--rate", defaultValue = "2000", description = "Background events/s during the live latency "
            + "measurement (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--seconds", defaultValue = "30", description = "Length of the live measurement "
            + "(default: ${DEFAULT-VALUE}).")
    int seconds;

    @Override
    public Integer call() throws Exception {
        PrintStream progress = benchProgress.out();
        Lab lab = BenchInstances.create(options, Map.of());
        try {
            BenchInstances.start(lab, progress);
            LabEndpoints endpoints = lab.endpoints();
            String topic = lab.settings().get("stream.topic");
            String parquet = endpoints.hdfsUri() + RawEvents.DEFAULT_PATH;
            long newestEvent = produce(lab, topic, parquet);
            double batchSeconds = batchLayer(endpoints, parquet);
            Replay replay = replay(lab);
            Latency live = live(lab, topic, newestEvent);
            report(batchSeconds, replay, live);
            return 0;
        } finally {
            BenchInstances.destroy(lab, progress);
        }
    }

    /** The events into the topic and, as the batch layer's input, into raw Parquet; returns the newest event time. */
    private long produce(Lab lab, String topic, String parquet) throws Exception {
        LabEndpoints endpoints = lab.endpoints();
        KafkaTopics.ensureLogTopic(endpoints.kafkaBootstrapServers(), topic, 2);
        Path tsv = Files.createDirectories(lab.settings().tmpDir().resolve("bench-kappa-tsv"));
        // nominal rate so that the events span the hours asked for (time multiplier 480), as lab bench batch
        int nominalRate = (int) Math.max(1, events * 480L / (hours * 3600L));
        GeneratorSettings settings = GeneratorSettings.builder().events(events).nominalRate(nominalRate).build();
        System.out.printf(Locale.ROOT, "Generating %,d events over %d hours into %s and %s ...%n", events, hours, topic, tsv);
        long started = System.nanoTime();
        long[] newest = {0};
        try (TeeSink sink = TeeSink.of(new KafkaSink(endpoints.kafkaBootstrapServers(), topic),
                new FileSink(tsv, 1_000_000), new NewestEvent(newest))) {
            new ClickstreamGenerator(settings).writeTo(sink);
        }
        System.out.printf(Locale.ROOT, "  %.1f s%n", seconds(started));
        System.out.println("Writing them as raw Parquet on HDFS (the batch layer's input) ...");
        try (SparkSession spark = LabSpark.builder("lab bench kappa: raw", "local[2]", endpoints).getOrCreate()) {
            RawEvents.writeGenerated(TsvEvents.read(spark, tsv.toUri().toString(),
                    new MalformedLines(spark.sparkContext())), parquet);
        }
        Directories.deleteRecursively(tsv);
        return newest[0];
    }

    /** The Lambda path: the batch layer over the raw Parquet, both views written to Cassandra. */
    private double batchLayer(LabEndpoints endpoints, String parquet) {
        System.out.println("The batch layer over the Parquet ...");
        try (SparkSession spark = LabSpark.builder("lab bench kappa: batch layer", "local[2]", endpoints).getOrCreate()) {
            long started = System.nanoTime();
            BatchResult result = new BatchLayer(spark, endpoints, line -> { })
                    .run(BatchLayer.Input.raw(parquet).onlySource(RawEvents.GENERATED), 1);
            double took = seconds(started);
            System.out.printf(Locale.ROOT, "  %,d events, %,d rows in %.1f s%n", result.events(), result.rows(), took);
            if (result.events() != events) {
                throw new IllegalStateException("the batch layer read " + result.events() + " events, not " + events);
            }
            return took;
        }
    }

    private record Replay(double startSeconds, double replaySeconds, long batches) {
    }

    /** The Kappa path: version 1 started through the instance's supervisor, timed until it has caught up. */
    private Replay replay(Lab lab) throws InterruptedException {
        System.out.println("The Kappa job replaying the topic into version 1 ...");
        try (KappaControl control = KappaControl.open(lab)) {
            lab.kappaVersions().create(VERSION, KappaChange.NONE);
            control.versions().register(VERSION, KappaChange.NONE, true);
            long started = System.nanoTime();
            if (!control.startJob(VERSION, true)) {
                throw new IllegalStateException("the benchmark's Kappa job did not start; run with --verbose");
            }
            double startSeconds = seconds(started);
            long replayStarted = System.nanoTime();
            VersionLag lag = control.lag(VERSION);
            long nextReport = System.nanoTime();
            while (lag.total() > 0) {
                if (System.nanoTime() >= nextReport) {
                    System.out.printf(Locale.ROOT, "  %,d of %,d events left%n", lag.total(), events);
                    nextReport += 10_000_000_000L;
                }
                Thread.sleep(200);
                lag = control.lag(VERSION);
            }
            double replaySeconds = seconds(replayStarted);
            long batches = KappaCheckpoint.read(lab.kappaVersions().checkpoint(VERSION))
                    .map(checkpoint -> checkpoint.batchId() + 1).orElse(0L);
            return new Replay(startSeconds, replaySeconds, batches);
        }
    }

    private record Latency(long p50Ms, long p99Ms, int probes, long background) {
    }

    /**
     * The Kappa job live: the generator sends {@code rate} events/s just after the replayed ones while
     * probe page views of a product of their own go out one by one; a poller notes when the probe row's
     * count reaches each value.
     */
    private Latency live(Lab lab, String topic, long after) throws Exception {
        System.out.printf(Locale.ROOT, "The Kappa job live for %d s: %,d background events/s and %d probes/s ...%n",
                seconds, rate, PROBES_PER_SECOND);
        LabEndpoints endpoints = lab.endpoints();
        long hour = after - after % ClickEvent.HOUR_MS;
        AtomicBoolean running = new AtomicBoolean(true);
        long[] background = {0};
        Thread load = new Thread(() -> background[0] = backgroundLoad(endpoints, topic, after, running), "bench-load");
        load.start();
        List<Long> sent = new ArrayList<>();
        List<Long> seen = new ArrayList<>();
        try (CqlSession session = LambdaSchema.openSession(endpoints);
             KafkaSink probes = new KafkaSink(endpoints.kafkaBootstrapServers(), topic)) {
            PreparedStatement count = session.prepare("SELECT page_view_count FROM " + KappaSchema.KEYSPACE + "."
                    + VERSION.activityTable() + " WHERE product = ? AND timestamp_hour = ?");
            Thread poller = new Thread(() -> poll(session, count, hour, seen, running), "bench-poller");
            poller.start();
            long end = System.currentTimeMillis() + seconds * 1000L;
            while (System.currentTimeMillis() < end) {
                ClickEvent probe = new ClickEvent(hour + sent.size(), "Direct", Action.PAGE_VIEW, "",
                        "Visitor-1", "/products/probe", PROBE_PRODUCT);
                probes.accept(probe, ClickstreamCodec.encode(probe));
                probes.flush();
                synchronized (sent) {
                    sent.add(System.currentTimeMillis());
                }
                Thread.sleep(1000 / PROBES_PER_SECOND);
            }
            Thread.sleep(10_000); // the last probes' way through the job
            running.set(false);
            poller.join();
            load.join();
        }
        long[] latencies = new long[sent.size()];
        synchronized (seen) {
            for (int k = 0; k < sent.size(); k++) {
                // never seen: the whole wait counts, so a lost probe shows in the p99
                long visible = k < seen.size() ? seen.get(k) : System.currentTimeMillis();
                latencies[k] = Math.max(0, visible - sent.get(k));
            }
        }
        Arrays.sort(latencies);
        return new Latency(percentile(latencies, 0.5), percentile(latencies, 0.99), latencies.length, background[0]);
    }

    /** Generator events at {@code rate}/s, in event time just after the replayed ones, until stopped. */
    private long backgroundLoad(LabEndpoints endpoints, String topic, long after, AtomicBoolean running) {
        // simulated time as fast as real time: the watermark (newest event time minus an hour) never closes
        // the probes' hour during the measurement
        GeneratorSettings settings = GeneratorSettings.builder().events((long) rate * (seconds + 20)).rate(rate)
                .timeMultiplier(1).nominalRate(rate).seed(7).startMs(after).build();
        try (KafkaSink sink = new KafkaSink(endpoints.kafkaBootstrapServers(), topic)) {
            new ClickstreamGenerator(settings).writeTo(new EventSink() {
                @Override
                public void accept(ClickEvent event, String encodedLine) {
                    if (running.get()) {
                        sink.accept(event, encodedLine);
                    }
                }

                @Override
                public void flush() {
                    sink.flush();
                }

                @Override
                public void close() {
                }
            });
            return sink.acknowledged();
        }
    }

    /** Notes, for each count the probe row reaches, the moment it was first seen. */
    private static void poll(CqlSession session, PreparedStatement count, long hour, List<Long> seen,
                             AtomicBoolean running) {
        while (running.get()) {
            Row row = session.execute(count.bind(PROBE_PRODUCT, hour)).one();
            long now = System.currentTimeMillis();
            long value = row == null ? 0 : row.getLong(0);
            synchronized (seen) {
                while (seen.size() < value) {
                    seen.add(now);
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void report(double batchSeconds, Replay replay, Latency live) {
        double kappaRate = events / replay.replaySeconds();
        double batchRate = events / batchSeconds;
        System.out.println();
        System.out.printf(Locale.ROOT, "%-52s %10s %14s%n", "Path (same " + String.format(Locale.ROOT, "%,d", events)
                + " events, both views written)", "seconds", "events/s");
        System.out.printf(Locale.ROOT, "%-52s %10.1f %,14.0f%n", "Kappa job replaying the log (from its first batch)",
                replay.replaySeconds(), kappaRate);
        System.out.printf(Locale.ROOT, "%-52s %10.1f %,14.0f%n", "Lambda batch layer over raw Parquet", batchSeconds,
                batchRate);
        System.out.printf(Locale.ROOT, "Kappa / batch layer: %.2fx; the Kappa job's start: %.1f s; replay in %,d "
                + "micro-batches (%,.0f events each, %.1f s each)%n", kappaRate / batchRate, replay.startSeconds(),
                replay.batches(), (double) events / Math.max(1, replay.batches()),
                replay.replaySeconds() / Math.max(1, replay.batches()));
        System.out.printf(Locale.ROOT, "Kappa live, %,d events/s in the background (%,d sent): produce-to-view p50 %,d ms, "
                + "p99 %,d ms over %d probe events%n", rate, live.background(), live.p50Ms(), live.p99Ms(), live.probes());
    }

    /** Keeps the newest event time it is handed. */
    private record NewestEvent(long[] newest) implements EventSink {
        @Override
        public void accept(ClickEvent event, String encodedLine) {
            newest[0] = Math.max(newest[0], event.timestampMs());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static long percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        return Percentiles.nearestRank(sorted, fraction);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
