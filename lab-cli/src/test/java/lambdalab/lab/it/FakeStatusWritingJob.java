package lambdalab.lab.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TEST DOUBLE, never used by production code: stands in for the speed-layer job
 * ({@code lambdalab.course.speed.SpeedLayerJob}) so the tests can exercise how the lab runs and
 * watches the job's process (start, readiness, restart, graceful stop) without Spark.
 *
 * <p>It keeps the job's process contract: it refuses to start (exit 2) unless it gets every argument
 * of the contract and {@code SPARK_LOCAL_IP}; it writes the status file atomically, "starting" then
 * "running" with a fake micro-batch every {@code --batch-ms}; on SIGTERM it writes "stopping", then
 * "stopped" and ends. The final report also says whether Kafka still answered when the stop came
 * ({@code "kafkaUpAtStop"}, a field the real job does not have), so a test can tell that
 * {@code lab down} stopped the job before the services. The tests select it with the setting
 * {@code stream.main.class}.
 */
public final class FakeStatusWritingJob {

    private static final List<String> REQUIRED = List.of("--kafka", "--cassandra", "--hdfs", "--status-file",
            "--batch-ms", "--max-rate-per-partition", "--state-timeout-minutes", "--window-seconds", "--topic",
            "--partitions");

    private final Map<String, String> args;
    private final Path statusFile;
    private final long batchMs;
    private final Instant startedAt = Instant.now();
    private volatile boolean stopping;
    private long batches;
    private long totalEvents;

    private FakeStatusWritingJob(Map<String, String> args) {
        this.args = args;
        this.statusFile = Path.of(args.get("--status-file"));
        this.batchMs = Long.parseLong(args.get("--batch-ms"));
    }

    public static void main(String[] argv) throws InterruptedException {
        Map<String, String> args = parse(argv);
        List<String> missing = REQUIRED.stream().filter(k -> !args.containsKey(k)).toList();
        if (!missing.isEmpty() || !"127.0.0.1".equals(System.getenv("SPARK_LOCAL_IP"))) {
            System.err.println("FakeStatusWritingJob: ERROR missing arguments " + missing
                    + " or SPARK_LOCAL_IP=" + System.getenv("SPARK_LOCAL_IP"));
            System.exit(2);
        }
        new FakeStatusWritingJob(args).run();
    }

    private static Map<String, String> parse(String[] argv) {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i], argv[i + 1]);
        }
        return args;
    }

    private void run() throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
        write("starting", "");
        Thread.sleep(500); // a real job takes a while to start: the lab must wait for "running"
        while (!stopping) {
            synchronized (this) {
                if (!stopping) {
                    batches++;
                    totalEvents += 10;
                    write("running", "");
                }
            }
            Thread.sleep(batchMs);
        }
    }

    /** SIGTERM: finish "the current batch", report, end. */
    private void stop() {
        synchronized (this) {
            stopping = true; // the main loop writes no further batch
            write("stopping", "");
        }
        String kafka = ", \"kafkaUpAtStop\": " + answers(args.get("--kafka"));
        write("stopped", kafka);
        System.out.println("FakeStatusWritingJob: stopped after " + batches + " batches");
    }

    private static boolean answers(String hostPort) {
        String[] parts = hostPort.split(":");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(parts[0], Integer.parseInt(parts[1])), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void write(String state, String extra) {
        Instant now = Instant.now();
        String lastBatch = batches == 0 ? "null" : String.format(Locale.ROOT,
                "{\"time\": \"%s\", \"events\": 10, \"invalid\": 0, \"processingMs\": 12, \"schedulingDelayMs\": 1}", now);
        String json = String.format(Locale.ROOT, """
                {"state": "%s", "pid": %d, "startedAt": "%s", "recoveredFrom": "fresh", "batchIntervalMs": %d,
                 "batches": %d, "totalEvents": %d, "totalInvalid": 0, "lastBatch": %s,
                 "offsets": {"0": %d, "1": %d}, "updatedAt": "%s"%s}
                """, state, ProcessHandle.current().pid(), startedAt, batchMs, batches, totalEvents, lastBatch,
                totalEvents / 2, totalEvents - totalEvents / 2, now, extra);
        try {
            Path temp = statusFile.resolveSibling(statusFile.getFileName() + ".tmp");
            Files.writeString(temp, json);
            Files.move(temp, statusFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
