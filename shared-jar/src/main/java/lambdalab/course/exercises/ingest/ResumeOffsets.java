package lambdalab.course.exercises.ingest;

import java.io.Serializable;
import java.util.Map;

/**
 * Exercise 06.resume-offsets: where the speed layer starts reading each Kafka partition when it
 * starts without a checkpoint (first start, or a checkpoint it cannot use), from what it committed.
 */
@FunctionalInterface
public interface ResumeOffsets extends Serializable {

    /**
     * @param committed per partition, what the job committed after its last complete batch: the
     *                  exclusive end ({@code untilOffset}) of that batch's range (empty if it never
     *                  committed)
     * @param earliest  per partition of the topic as it is now, the earliest offset Kafka still holds
     * @return per partition of the topic, the first offset to read
     */
    Map<Integer, Long> resumeFrom(Map<Integer, Long> committed, Map<Integer, Long> earliest);
}
