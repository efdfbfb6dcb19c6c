package lambdalab.course.speed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.rdd.RDD;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.dstream.InputDStream;
import org.apache.spark.streaming.kafka010.DirectKafkaInputDStream;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.OffsetRange;
import scala.Tuple2;

/**
 * Repairs a checkpoint whose Kafka offsets run ahead of the batches it holds, before the job starts
 * from it.
 *
 * <p>Spark restarts a streaming job from a checkpoint by generating, on the starting thread, a batch
 * for every time the checkpoint lists as pending or the job missed, while its generator thread
 * checkpoints the batches that complete meanwhile. Such a checkpoint takes the Kafka stream's batches
 * (their offset ranges) first and its current offsets a moment later: a batch generated in between
 * moves the offsets on without being in the checkpoint. A restart from that checkpoint generates
 * that batch again, cut from the current offsets, so its events are read by no batch. (A soak drill
 * lost one batch in just that pattern, after a DataNode and a Cassandra restart a few seconds apart:
 * a range of a few milliseconds' events, then a batch cut from the offsets after it.) The stream's
 * offsets after its batches are, per partition, where the newest of them ends.
 */
final class RestoredOffsets {

    private RestoredOffsets() {
    }

    /**
     * Moves each Kafka stream's current offsets back to where its newest restored batch ends, where
     * they are ahead of it; call after the context was read from a checkpoint, before it starts.
     * Returns what it moved, for the log.
     */
    static Optional<String> alignWithRestoredBatches(JavaStreamingContext context) {
        List<String> moved = new ArrayList<>();
        for (InputDStream<?> stream : context.ssc().graph().getInputStreams()) {
            if (stream instanceof DirectKafkaInputDStream<?, ?> kafka) {
                moved.addAll(align(kafka));
            }
        }
        return moved.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", moved));
    }

    private static List<String> align(DirectKafkaInputDStream<?, ?> kafka) {
        Map<TopicPartition, Long> ends = restoredEnds(kafka);
        scala.collection.immutable.Map<TopicPartition, Object> current = kafka.currentOffsets();
        scala.collection.immutable.Map<TopicPartition, Object> aligned = current;
        List<String> moved = new ArrayList<>();
        for (var entries = current.iterator(); entries.hasNext(); ) {
            Tuple2<TopicPartition, Object> entry = entries.next();
            Long end = ends.get(entry._1());
            long offset = (Long) entry._2();
            if (end != null && offset > end) {
                aligned = aligned.updated(entry._1(), end);
                moved.add("partition " + entry._1().partition() + " from " + offset + " back to " + end);
            }
        }
        if (!moved.isEmpty()) {
            kafka.currentOffsets_$eq(aligned);
        }
        return moved;
    }

    /** Per partition, where the newest batch the checkpoint holds ends. */
    private static Map<TopicPartition, Long> restoredEnds(DirectKafkaInputDStream<?, ?> kafka) {
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (var batches = kafka.generatedRDDs().valuesIterator(); batches.hasNext(); ) {
            RDD<?> batch = batches.next();
            if (batch instanceof HasOffsetRanges ranges) {
                for (OffsetRange range : ranges.offsetRanges()) {
                    ends.merge(range.topicPartition(), range.untilOffset(), Math::max);
                }
            }
        }
        return ends;
    }
}
