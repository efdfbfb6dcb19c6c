package lambdalab.course.kappa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import lambdalab.course.speed.StreamStatus;
import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.apache.spark.util.LongAccumulator;

/**
 * Reports each finished micro-batch of the Kappa job to its status file (the shape the lab reads
 * for every streaming job): records read, rejected, late, the offsets reached. The lab's
 * readiness check and {@code lab logs} use it; {@code lab kappa status} takes the authoritative
 * figures from the checkpoint and Cassandra.
 */
final class KappaProgress extends StreamingQueryListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StreamStatus status;
    private final LongAccumulator invalid;
    private long invalidReported;
    private long lateOfBatch;

    KappaProgress(StreamStatus status, LongAccumulator invalid) {
        this.status = status;
        this.invalid = invalid;
    }

    StreamStatus status() {
        return status;
    }

    /** Called by the sink once a batch's rows are stored. */
    synchronized void written(long late) {
        lateOfBatch = late;
    }

    @Override
    public void onQueryStarted(QueryStartedEvent event) {
    }

    @Override
    public synchronized void onQueryProgress(QueryProgressEvent event) {
        StreamingQueryProgress progress = event.progress();
        long rejected = invalid.value() - invalidReported;
        invalidReported = invalid.value();
        Long took = progress.durationMs().get("triggerExecution");
        status.addToTotal("lateEvents", lateOfBatch);
        lateOfBatch = 0;
        status.batchDone(Instant.parse(progress.timestamp()), progress.numInputRows(), rejected,
                took == null ? 0 : took, 0, endOffsets(progress.sources()));
    }

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {
    }

    /** The next offset per partition after the batch, from the source's {@code {"topic":{"0":12,"1":34}}}. */
    static Map<Integer, Long> endOffsets(SourceProgress[] sources) {
        Map<Integer, Long> offsets = new TreeMap<>();
        if (sources.length == 0 || sources[0].endOffset() == null) {
            return offsets;
        }
        try {
            JsonNode topics = JSON.readTree(sources[0].endOffset());
            topics.fields().forEachRemaining(topic -> topic.getValue().fields().forEachRemaining(
                    partition -> offsets.put(Integer.parseInt(partition.getKey()), partition.getValue().asLong())));
        } catch (java.io.IOException | NumberFormatException e) {
            // a report without offsets is better than a failed batch
        }
        return offsets;
    }
}
