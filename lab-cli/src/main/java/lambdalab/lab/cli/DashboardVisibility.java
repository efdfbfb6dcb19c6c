package lambdalab.lab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import lambdalab.course.kafka.KafkaTopics;
import lambdalab.course.lambdaplus.PlusSchema;
import lambdalab.course.lambdaplus.PlusSpeedSettings;
import lambdalab.course.lambdaplus.ReadingsClient;
import lambdalab.course.lambdaplus.SensorReading;
import lambdalab.course.lambdaplus.TimeBuckets;
import lambdalab.lab.JobProgress;
import lambdalab.lab.Lab;
import lambdalab.lab.service.PlusSpeedService;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How long a reading takes from its POST to the dashboard: with the speed job running, readings are
 * posted one by one at a slow steady rate while the dashboard's own data call
 * ({@code /api/bucket-rollups}) is polled every 50 ms, once the job has caught up with the readings
 * posted before, after 10 s of the same traffic to warm the job up. A second's count only grows, so the k-th
 * reading posted in a second is visible once that second's count reaches k (to within a poll).
 */
final class DashboardVisibility {

    private static final Duration POLL = Duration.ofMillis(50);
    private static final int READINGS_PER_SECOND = 20;
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Lab lab;
    private final PrintStream progress;

    DashboardVisibility(Lab lab, PrintStream progress) {
        this.lab = lab;
        this.progress = progress;
    }

    record Result(double p50Ms, double p99Ms, int readings) {
    }

    Result measure(Duration length) throws Exception {
        String request = lab.wantedJobs().request(PlusSpeedService.NAME);
        if (!new JobProgress(lab, lab.plusSpeed(), progress).awaitReady(request, lab.runningSupervisor().orElseThrow())) {
            throw new IllegalStateException("the benchmark's speed job did not start; run with --verbose");
        }
        awaitCaughtUp();
        URI server = lab.plusApp().address();
        Map<Long, List<Long>> postedAt = new ConcurrentHashMap<>(); // second -> post times (ms), in order
        Map<Long, List<Long>> visibleAt = new TreeMap<>(); // second -> the time each count was first seen
        Thread poller = new Thread(() -> poll(server, visibleAt), "dashboard-poller");
        poller.setDaemon(true);
        poller.start();
        ReadingsClient client = new ReadingsClient(server);
        post(client, WARM_UP, new ConcurrentHashMap<>()); // the job's first batches after its start are slow (JIT)
        post(client, length, postedAt);
        Thread.sleep(5_000); // the last ones' way through the speed job
        poller.interrupt();
        poller.join();
        List<Long> latencies = new ArrayList<>();
        synchronized (visibleAt) {
            postedAt.forEach((second, posts) -> {
                List<Long> seen = visibleAt.getOrDefault(second, List.of());
                for (int k = 0; k < posts.size(); k++) {
                    // never seen: counted as the whole wait, so a lost reading shows in the p99
                    long visible = k < seen.size() ? seen.get(k) : System.currentTimeMillis();
                    latencies.add(Math.max(0, visible - posts.get(k)));
                }
            });
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).map(ms -> ms * 1_000_000).sorted().toArray();
        return new Result(PlusBenchmark.percentileMs(sorted, 0.5), PlusBenchmark.percentileMs(sorted, 0.99), sorted.length);
    }

    /**
     * Waits until the speed job has committed every reading the earlier cases posted (it starts from
     * the earliest offset): a backlog would be measured as latency.
     */
    private void awaitCaughtUp() throws Exception {
        String bootstrap = lab.endpoints().kafkaBootstrapServers();
        Map<Integer, Long> end = KafkaTopics.latestOffsets(bootstrap, PlusSchema.TOPIC);
        long total = end.values().stream().mapToLong(Long::longValue).sum();
        long deadline = System.currentTimeMillis() + CATCH_UP_LIMIT.toMillis();
        try (Admin admin = Admin.create(KafkaTopics.adminConfig(bootstrap))) {
            long behind;
            while ((behind = behind(admin, end)) > 0) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("the speed job is still " + behind + " readings behind after "
                            + CATCH_UP_LIMIT.toSeconds() + " s; run with --verbose");
                }
                progress.printf(Locale.ROOT, "  the speed job is catching up: %,d of %,d readings left%n", behind, total);
                Thread.sleep(2_000);
            }
        }
    }

    private static long behind(Admin admin, Map<Integer, Long> end) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin
                .listConsumerGroupOffsets(PlusSpeedSettings.GROUP_ID).partitionsToOffsetAndMetadata()
                .get(KafkaTopics.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        long behind = 0;
        for (Map.Entry<Integer, Long> partition : end.entrySet()) {
            OffsetAndMetadata offset = committed.get(new TopicPartition(PlusSchema.TOPIC, partition.getKey()));
            behind += Math.max(0, partition.getValue() - (offset == null ? 0 : offset.offset()));
        }
        return behind;
    }

    /** Posts one reading at a time at the steady rate for {@code length}, noting when each was accepted. */
    private static void post(ReadingsClient client, Duration length, Map<Long, List<Long>> postedAt) throws Exception {
        long end = System.currentTimeMillis() + length.toMillis();
        int sensor = 0;
        while (System.currentTimeMillis() < end) {
            long now = System.currentTimeMillis();
            SensorReading reading = new SensorReading(sensor++ % 100, 20.0, now);
            if (client.post(List.of(reading), false).accepted()) {
                postedAt.computeIfAbsent(TimeBuckets.secondOf(now), s -> new ArrayList<>()).add(now);
            }
            Thread.sleep(1000 / READINGS_PER_SECOND);
        }
    }

    /** Records, per second, the poll time at which its count reached 1, 2, 3 ... */
    private static void poll(URI server, Map<Long, List<Long>> visibleAt) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(server.resolve("/api/bucket-rollups?minutes=2")).build();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                long seenAt = System.currentTimeMillis();
                if (response.statusCode() == 200) {
                    JsonNode seconds = JSON.readTree(response.body()).path("seconds");
                    synchronized (visibleAt) {
                        for (JsonNode point : seconds) {
                            List<Long> seen = visibleAt.computeIfAbsent(point.path("second").asLong(), s -> new ArrayList<>());
                            while (seen.size() < point.path("count").asLong()) {
                                seen.add(seenAt);
                            }
                        }
                    }
                }
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (java.io.IOException e) {
                // the next poll tries again
            }
        }
    }
}
