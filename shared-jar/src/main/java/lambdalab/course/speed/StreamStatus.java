package lambdalab.course.speed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the running speed layer reports about itself, as a small JSON file rewritten (atomically)
 * after each batch: `lab stream status` and the supervisor's readiness check read it. The Lambda+ speed
 * job ({@code lambdaplus.PlusSpeedJob}) reports in the same shape, so the lab reads both alike.
 */
public final class StreamStatus {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final String startedAt = Instant.now().toString();
    private final long batchIntervalMs;
    private String state = "starting";
    private String recoveredFrom = "fresh";
    private long batches;
    private long totalEvents;
    private long totalInvalid;
    private Map<String, Object> lastBatch;
    private Map<String, Long> offsets = new TreeMap<>();
    private int stateLineageBatches;
    /** A drill the job runs (what it does), or null: said in every report, so no one mistakes it for a bug. */
    private String drill;
    /** Totals a job adds of its own (the Lambda+ job's late readings), written with the next report. */
    private final Map<String, Long> totals = new TreeMap<>();

    public StreamStatus(Path file, long batchIntervalMs) {
        this.file = file;
        this.batchIntervalMs = batchIntervalMs;
    }

    public synchronized void state(String newState, String recovery) {
        state = newState;
        if (recovery != null) {
            recoveredFrom = recovery;
        }
        write();
    }

    /** Batches of state the last batch depended on since the state's last checkpoint. */
    synchronized void stateLineage(int batchesSinceCheckpoint) {
        stateLineageBatches = batchesSinceCheckpoint;
    }

    synchronized void drill(String description) {
        drill = description;
        write();
    }

    public synchronized void addToTotal(String name, long amount) {
        totals.merge(name, amount, Long::sum);
    }

    public synchronized void batchDone(Instant batchTime, long events, long invalid, long processingMs, long delayMs,
                                Map<Integer, Long> nextOffsets) {
        batches++;
        totalEvents += events;
        totalInvalid += invalid;
        lastBatch = new LinkedHashMap<>();
        lastBatch.put("time", batchTime.toString());
        lastBatch.put("events", events);
        lastBatch.put("invalid", invalid);
        lastBatch.put("processingMs", processingMs);
        lastBatch.put("schedulingDelayMs", delayMs);
        nextOffsets.forEach((partition, offset) -> offsets.put(partition.toString(), offset));
        write();
    }

    private void write() {
        if (file == null) {
            return;
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("state", state);
        root.put("pid", ProcessHandle.current().pid());
        root.put("startedAt", startedAt);
        root.put("recoveredFrom", recoveredFrom);
        root.put("batchIntervalMs", batchIntervalMs);
        root.put("batches", batches);
        root.put("totalEvents", totalEvents);
        root.put("totalInvalid", totalInvalid);
        root.put("lastBatch", lastBatch);
        root.put("offsets", offsets);
        root.put("stateLineageBatches", stateLineageBatches);
        if (drill != null) {
            root.put("drill", drill);
        }
        if (!totals.isEmpty()) {
            root.put("totals", totals);
        }
        root.put("updatedAt", Instant.now().toString());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(temp.toFile(), root);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("WARNING: cannot write the status file " + file + ": " + e.getMessage());
        }
    }
}
