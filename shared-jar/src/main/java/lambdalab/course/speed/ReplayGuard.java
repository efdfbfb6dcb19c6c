package lambdalab.course.speed;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.streaming.kafka010.OffsetRange;

/**
 * Marks, in the commit record, a replay of batches an earlier run had already committed.
 *
 * <p>A restart from a checkpoint replays the batches the checkpoint does not know were done: at
 * least the last one, and more when its writes lagged (HDFS down). Until the replay reaches the
 * committed offsets again, the stored data is behind the commit record: the first replayed batch
 * replaces the raw files from its offsets on, and the views go back to the replayed batches'
 * values. A restart from the checkpoint repairs that (it replays again). A rebuild from the views
 * would not: it trusts the commit record, reads on after it and so would lose the events in
 * between. So before its first batch writes anything, a replaying run records in
 * {@code stream_offsets.replay_until} the offsets it has to reach, clears each partition's mark
 * when its commit gets there, and the job refuses to rebuild from the views while a mark is set.
 */
final class ReplayGuard {

    private final StreamViews views;
    private final String topic;
    private final Map<Integer, Long> committed;
    /** Partitions whose replay is not over yet, with the offset it has to reach. */
    private final Map<Integer, Long> until;
    private boolean firstBatchSeen;

    ReplayGuard(StreamViews views, String topic, StreamViews.Committed committed) {
        this.views = views;
        this.topic = topic;
        this.committed = committed.nextOffsets();
        this.until = new HashMap<>(committed.replayUntil());
    }

    /** Before the run's first batch writes: marks the partitions it replays from before the commit. */
    void beforeFirstBatch(OffsetRange[] ranges) {
        if (firstBatchSeen) {
            return;
        }
        firstBatchSeen = true;
        Map<Integer, Long> marks = new HashMap<>();
        for (OffsetRange range : ranges) {
            Long next = committed.get(range.partition());
            if (next != null && range.fromOffset() < next) {
                // an unfinished earlier replay may have marked further: its mark stands
                marks.put(range.partition(), Math.max(next, until.getOrDefault(range.partition(), 0L)));
            }
        }
        if (!marks.isEmpty()) {
            views.recordReplayUntil(topic, marks);
            until.putAll(marks);
            System.out.println("Replaying batches an earlier run had committed, up to offsets " + marks
                    + ": until then the views and the raw data are behind the commit record.");
        }
    }

    /** After a commit: ends the replay of each partition whose commit reached its mark. */
    void afterCommit(Map<Integer, Long> nextOffsets) {
        if (until.isEmpty()) {
            return;
        }
        Map<Integer, Long> done = new HashMap<>();
        until.forEach((partition, mark) -> {
            if (nextOffsets.getOrDefault(partition, 0L) >= mark) {
                done.put(partition, null);
            }
        });
        if (!done.isEmpty()) {
            views.recordReplayUntil(topic, done);
            until.keySet().removeAll(done.keySet());
            if (until.isEmpty()) {
                System.out.println("The replay reached the committed offsets again.");
            }
        }
    }
}
