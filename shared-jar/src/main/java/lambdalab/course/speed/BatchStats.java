package lambdalab.course.speed;

import java.util.function.Consumer;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;

/**
 * One completed batch as Spark's streaming scheduler reports it.
 *
 * @param records          records the batch read from Kafka
 * @param processingMs     from the start of its first job to the end of its last
 * @param schedulingDelayMs how long it waited for earlier batches (grows when the job falls behind)
 * @param completedAtMs    when its last job ended (epoch milliseconds)
 */
public record BatchStats(long batchTimeMs, long records, long processingMs, long schedulingDelayMs,
                         long completedAtMs) {

    /** A Spark streaming listener handing each completed batch to {@code consumer}. */
    static StreamingListener listener(Consumer<BatchStats> consumer) {
        return new StreamingListener() {
            @Override
            public void onBatchCompleted(StreamingListenerBatchCompleted completed) {
                var info = completed.batchInfo();
                consumer.accept(new BatchStats(info.batchTime().milliseconds(), info.numRecords(),
                        (Long) info.processingDelay().getOrElse(() -> 0L),
                        (Long) info.schedulingDelay().getOrElse(() -> 0L),
                        (Long) info.processingEndTime().getOrElse(System::currentTimeMillis)));
            }
        };
    }
}
