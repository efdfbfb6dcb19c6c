package lambdalab.course.exercises.kappa;

import java.io.Serializable;
import java.util.Map;

/**
 * Exercise 10.switch-rule: whether readers may be switched to a new version of the Kappa view. The
 * version replays the log from its start; it may serve once it is at most {@code maxLag} records
 * behind the topic's end (live events keep arriving, so "no lag at all" may never come).
 */
@FunctionalInterface
public interface SwitchCondition extends Serializable {

    /**
     * @param topicEnd  per partition, the next offset to be written
     * @param earliest  per partition, the first offset Kafka still holds: where a version that has
     *                  committed nothing of that partition yet starts reading
     * @param committed per partition, how far the version's last committed micro-batch read (a
     *                  partition is missing until the version has committed a batch that read it)
     * @param maxLag    the most records the version may be behind, all partitions together
     */
    boolean maySwitch(Map<Integer, Long> topicEnd, Map<Integer, Long> earliest, Map<Integer, Long> committed,
                      long maxLag);
}
