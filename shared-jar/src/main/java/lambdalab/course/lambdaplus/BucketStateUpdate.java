package lambdalab.course.lambdaplus;

import org.apache.spark.api.java.Optional;
import org.apache.spark.api.java.function.Function3;
import org.apache.spark.streaming.State;
import scala.Tuple2;

/**
 * The speed job's state per 100 ms bucket: the rollup of every reading of that bucket it has seen.
 * A batch's readings of a bucket are merged into it, and the merged rollup is what the job writes
 * (the whole value, an upsert): so a batch replayed after a restart, which Spark recomputes from the
 * checkpointed state and the same Kafka offsets, writes the same rows again, never adds twice.
 *
 * <p>Keys below zero are not buckets but counts the job reports ({@link #LATE}, {@link #INVALID}):
 * they pass through and keep no state.
 */
final class BucketStateUpdate implements Function3<Long, Optional<Rollup>, State<Rollup>, Tuple2<Long, Rollup>> {

    /** Readings older than the speed job's horizon when their batch ran: the batch job's to count. */
    static final long LATE = -1;
    /** Kafka messages that are not reading lines. */
    static final long INVALID = -2;

    @Override
    public Tuple2<Long, Rollup> call(Long bucket, Optional<Rollup> batch, State<Rollup> state) {
        if (bucket < 0) {
            return new Tuple2<>(bucket, batch.orElse(Rollup.EMPTY));
        }
        if (state.isTimingOut() || !batch.isPresent()) {
            return null; // idle long enough: the batch job owns this bucket now; nothing to write
        }
        Rollup merged = state.exists() ? state.get().merge(batch.get()) : batch.get();
        state.update(merged);
        return new Tuple2<>(bucket, merged);
    }
}
