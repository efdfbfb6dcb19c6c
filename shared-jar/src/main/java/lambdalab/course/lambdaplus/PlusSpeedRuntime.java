package lambdalab.course.lambdaplus;

import com.datastax.oss.driver.api.core.CqlSession;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lambdalab.course.speed.StreamStatus;
import lambdalab.course.views.LambdaSchema;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.kafka010.OffsetRange;
import scala.Tuple2;

/**
 * The driver-side part of the Lambda+ speed job that the checkpoint cannot hold (a Cassandra session,
 * the status file): the output operations, read back from a checkpoint after a restart, find it here.
 */
final class PlusSpeedRuntime implements AutoCloseable {

    private static volatile PlusSpeedRuntime current;

    private final PlusSpeedSettings settings;
    private final CqlSession session;
    private final BucketRollupWriter writer;
    private final StreamStatus status;
    private final Map<Integer, Long> nextOffsets = new TreeMap<>();
    /** What the write of the batch in progress found; the commit (the batch's next output) reports it. */
    private long batchStartedAt;
    private long batchInvalid;
    private long batchLate;

    private PlusSpeedRuntime(PlusSpeedSettings settings) {
        this.settings = settings;
        this.session = LambdaSchema.openJobSession(settings.endpoints());
        PlusSchema.create(session, settings.endpoints().replication());
        this.writer = new BucketRollupWriter(session);
        this.status = new StreamStatus(settings.statusFile() == null ? null : Path.of(settings.statusFile()),
                settings.batchMs());
    }

    static synchronized PlusSpeedRuntime install(PlusSpeedSettings settings) {
        if (current != null) {
            current.close();
        }
        current = new PlusSpeedRuntime(settings);
        return current;
    }

    static PlusSpeedRuntime get() {
        PlusSpeedRuntime runtime = current;
        if (runtime == null) {
            throw new IllegalStateException("the Lambda+ speed job is not running in this JVM");
        }
        return runtime;
    }

    StreamStatus status() {
        return status;
    }

    /**
     * The first output of a batch: writes the buckets it changed, except those already close to the
     * horizon (the batch job's from now on, see {@link PlusSpeedSettings#writeMargin()}).
     */
    synchronized void writeBuckets(List<Tuple2<Long, Rollup>> changed) {
        batchStartedAt = System.currentTimeMillis();
        long oldestWritable = batchStartedAt - settings.horizon().minus(settings.writeMargin()).toMillis();
        List<Map.Entry<Long, Rollup>> rows = new ArrayList<>();
        batchInvalid = 0;
        batchLate = 0;
        for (Tuple2<Long, Rollup> bucket : changed) {
            if (bucket == null) {
                continue;
            }
            if (bucket._1() == BucketStateUpdate.INVALID) {
                batchInvalid += bucket._2().count();
            } else if (bucket._1() == BucketStateUpdate.LATE) {
                batchLate += bucket._2().count();
            } else if (bucket._1() >= oldestWritable) {
                rows.add(Map.entry(bucket._1(), bucket._2()));
            }
            // else a bucket still in the job's state that the batch job owns by now: left alone
        }
        writer.write(rows, PlusSchema.BY_SPEED);
    }

    /** The last output of a batch, after its writes: reports it and the offsets it read up to. */
    synchronized void batchDone(Time batchTime, OffsetRange[] ranges) {
        long events = 0;
        for (OffsetRange range : ranges) {
            events += range.count();
            nextOffsets.put(range.partition(), range.untilOffset());
        }
        long now = System.currentTimeMillis();
        long started = batchStartedAt == 0 ? now : batchStartedAt;
        status.addToTotal("lateReadings", batchLate);
        status.batchDone(Instant.ofEpochMilli(batchTime.milliseconds()), events, batchInvalid,
                now - started, Math.max(0, started - batchTime.milliseconds()), nextOffsets);
        batchStartedAt = 0;
    }

    @Override
    public synchronized void close() {
        session.close();
    }
}
