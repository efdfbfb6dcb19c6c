package lambdalab.lab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import lambdalab.course.kafka.KafkaTopics;
import lambdalab.course.lambdaplus.PlusSchema;
import lambdalab.course.lambdaplus.ReadingsClient;
import lambdalab.course.lambdaplus.ReadingsProducer;
import lambdalab.course.lambdaplus.SensorFleet;
import lambdalab.course.lambdaplus.SensorReading;
import lambdalab.lab.JobProgress;
import lambdalab.lab.Lab;
import lambdalab.lab.service.PlusAppService;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lab bench plus}: the Lambda+ app server's ingest on a separate instance, the speed job not
 * running (ingest alone): readings/s and request latency with the double write, with the records
 * write alone (the skip-kafka drill), and a Kafka producer with the app server's settings sending the
 * same readings directly (no HTTP), at 1 and 64 readings per request, all measured in one run.
 */
@Command(name = "plus", mixinStandardHelpOptions = true,
        description = {"Start a separate lab instance and its Lambda+ app server (your lab is not touched), and print "
                + "the accepted readings/s and the p50/p99 request latency of --clients concurrent clients for "
                + "--seconds each: the double write (records, then Kafka), the records write alone (the app "
                + "server's skip-kafka drill) and, as a reference without HTTP, a Kafka producer with the app "
                + "server's settings; at 1 and 64 readings per request.",
                "Then the double write again at a steady --rate with 64 per request, its latency counted from the "
                        + "moment each request was due (a slow answer delays the next request of its client, "
                        + "and that wait counts too).",
                "Targets: >= 20,000 readings/s with 64 per request, p99 <= 50 ms at that rate."})
final class PlusBenchmark implements Callable<Integer> {

    private static final int[] READINGS_PER_REQUEST = {1, 64};
    private static final int STEADY_PER_REQUEST = 64;
    /**
     * The producer reference writes here, not to the readings topic: its millions of readings would be a
     * backlog for the speed job when the dashboard's latency is measured.
     */
    private static final String REFERENCE_TOPIC = "bench-producer-reference";

    @Mixin
    LabOptions options;

    @Mixin
    BenchProgress benchProgress;

    @Option(names = "--seconds", defaultValue = "10", description = "Measured seconds per case (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--clients", defaultValue = "8", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--rate", defaultValue = "20000", description = "Readings/s of the steady case, all clients "
            + "together (default ${DEFAULT-VALUE}).")
    int rate;

    /** One case's figures. */
    private record Figures(String what, int perRequest, double readingsPerSecond, double p50Ms, double p99Ms) {
    }

    /** Sends one request of readings and returns once it is acknowledged (false: refused). */
    @FunctionalInterface
    private interface Sender {
        boolean send(List<SensorReading> readings) throws Exception;
    }

    @Override
    public Integer call() throws Exception {
        PrintStream progress = benchProgress.out();
        Lab lab = BenchInstances.create(options, Map.of());
        List<Figures> figures = new ArrayList<>();
        DashboardVisibility.Result visibility;
        try {
            BenchInstances.start(lab, progress);
            startAppServer(lab, progress);
            URI server = lab.plusApp().address();
            ReadingsClient client = new ReadingsClient(server);
            KafkaTopics.ensureTopic(lab.endpoints().kafkaBootstrapServers(), REFERENCE_TOPIC, PlusSchema.TOPIC_PARTITIONS);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                    ReadingsProducer.settings(lab.endpoints().kafkaBootstrapServers()), new StringSerializer(),
                    new StringSerializer())) {
                for (int perRequest : READINGS_PER_REQUEST) {
                    figures.add(measure("HTTP: records, then Kafka", perRequest, 0, batch -> client.post(batch, false).accepted()));
                    figures.add(measure("HTTP: records only (drill)", perRequest, 0, batch -> client.post(batch, true).accepted()));
                    figures.add(measure("Kafka producer, no HTTP", perRequest, 0, batch -> sendAll(producer, batch)));
                }
                figures.add(measure(String.format(Locale.ROOT, "HTTP: double, %,d/s steady", rate), STEADY_PER_REQUEST,
                        rate, batch -> client.post(batch, false).accepted()));
            }
            visibility = new DashboardVisibility(lab, progress).measure(Duration.ofSeconds(seconds * 2L));
        } finally {
            BenchInstances.destroy(lab, progress);
        }
        report(figures);
        System.out.printf(Locale.ROOT, "%nReading -> dashboard-visible (the speed job running, 1 s batches): p50 %,.0f ms, "
                + "p99 %,.0f ms over %,d readings (target p99 <= 2,000 ms)%n", visibility.p50Ms(), visibility.p99Ms(),
                visibility.readings());
        return 0;
    }

    private static void startAppServer(Lab lab, PrintStream progress) {
        String request = lab.wantedJobs().request(PlusAppService.NAME);
        ProcessHandle supervisor = lab.runningSupervisor().orElseThrow();
        if (!new JobProgress(lab, lab.plusApp(), progress).awaitReady(request, supervisor)) {
            throw new IllegalStateException("the benchmark's app server did not start; run with --verbose");
        }
    }

    private static boolean sendAll(KafkaProducer<String, String> producer, List<SensorReading> batch) throws Exception {
        List<Future<?>> acks = new ArrayList<>(batch.size());
        for (SensorReading reading : batch) {
            acks.add(producer.send(new ProducerRecord<>(REFERENCE_TOPIC, Integer.toString(reading.sensorId()),
                    reading.toLine())));
        }
        for (Future<?> ack : acks) {
            ack.get();
        }
        return true;
    }

    /**
     * {@code clients} loops sending requests for a warm-up, then for {@code seconds}: as fast as they
     * are answered ({@code readingsPerSecond} 0), or each on a steady schedule that together makes
     * that rate.
     */
    private Figures measure(String what, int perRequest, int readingsPerSecond, Sender sender) throws Exception {
        long intervalNanos = readingsPerSecond == 0 ? 0 : (long) (1e9 * perRequest * clients / readingsPerSecond);
        run(perRequest, sender, Duration.ofSeconds(2), 0, intervalNanos); // warm-up: JIT, connections, prepared statements
        long started = System.nanoTime();
        List<long[]> latencies = run(perRequest, sender, Duration.ofSeconds(seconds), 1, intervalNanos);
        double wall = (System.nanoTime() - started) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        Figures result = new Figures(what, perRequest, (double) all.length * perRequest / wall,
                percentileMs(all, 0.5), percentileMs(all, 0.99));
        System.out.printf(Locale.ROOT, "  %-28s %2d per request: %,10.0f readings/s, p50 %6.1f ms, p99 %6.1f ms%n",
                what, perRequest, result.readingsPerSecond(), result.p50Ms(), result.p99Ms());
        return result;
    }

    /** Runs the clients; returns each client's request latencies (ns) of requests that were accepted. */
    private List<long[]> run(int perRequest, Sender sender, Duration length, int round, long intervalNanos)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long deadline = System.nanoTime() + length.toNanos();
        List<CompletableFuture<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int index = c;
            long seed = 31L * c + round;
            results.add(CompletableFuture.supplyAsync(() -> client(index, perRequest, sender, deadline, seed,
                    intervalNanos), pool));
        }
        List<long[]> latencies = new ArrayList<>();
        for (CompletableFuture<long[]> result : results) {
            latencies.add(result.join());
        }
        pool.shutdown();
        return latencies;
    }

    /**
     * One client's requests until the deadline; with an interval, request k is due at k intervals
     * from the start and its latency counts from then (no coordinated omission: a slow answer's
     * wait shows in the next requests' latencies instead of being skipped).
     */
    private long[] client(int index, int perRequest, Sender sender, long deadline, long seed, long intervalNanos) {
        int sensorOffset = index * 1_000; // each client its own sensors
        SensorFleet fleet = new SensorFleet(seed, 100);
        long[] latencies = new long[1024];
        int n = 0;
        long due = System.nanoTime() + index * intervalNanos / clients; // the clients' requests spread evenly
        while (System.nanoTime() < deadline) {
            if (intervalNanos > 0) {
                LockSupport.parkNanos(due - System.nanoTime());
            }
            List<SensorReading> batch = new ArrayList<>(perRequest);
            long now = System.currentTimeMillis();
            for (int i = 0; i < perRequest; i++) {
                SensorReading reading = fleet.next(now);
                batch.add(new SensorReading(reading.sensorId() + sensorOffset, reading.value(), reading.ts()));
            }
            long start = intervalNanos > 0 ? due : System.nanoTime();
            due += intervalNanos;
            try {
                if (!sender.send(batch)) {
                    continue; // refused (busy): not an accepted request
                }
            } catch (Exception e) {
                throw new IllegalStateException("a benchmark request failed: " + e, e);
            }
            if (n == latencies.length) {
                latencies = Arrays.copyOf(latencies, n * 2);
            }
            latencies[n++] = System.nanoTime() - start;
        }
        return Arrays.copyOf(latencies, n);
    }

    static double percentileMs(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return Percentiles.nearestRank(sorted, quantile) / 1e6;
    }

    private static void report(List<Figures> figures) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-28s %8s %14s %10s %10s %12s%n", "Lambda+ ingest", "per req", "readings/s",
                "p50 ms", "p99 ms", "vs double");
        for (Figures f : figures) {
            double doubleWrite = figures.stream().filter(o -> o.perRequest() == f.perRequest()).findFirst()
                    .orElseThrow().readingsPerSecond();
            System.out.printf(Locale.ROOT, "%-28s %8d %,14.0f %10.1f %10.1f %11.2fx%n", f.what(), f.perRequest(),
                    f.readingsPerSecond(), f.p50Ms(), f.p99Ms(), f.readingsPerSecond() / doubleWrite);
        }
        System.out.println("Targets: >= 20,000 readings/s with 64 per request (double write), p99 <= 50 ms at that rate.");
    }
}
