package lambdalab.course.speed;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.spark.Dependency;
import org.apache.spark.rdd.RDD;
import scala.collection.Iterator;

/**
 * How many batches of state a {@code mapWithState} result still depends on since the state was
 * last checkpointed. Spark checkpoints the state every ten batches, but only when the state is
 * computed: a job that skipped its idle batches let this grow by one per second, until the first
 * busy batch had to recompute (or serialize, overflowing the stack) thousands of them.
 */
final class StateLineage {

    /** Spark's state RDD class (private to Spark): one per batch in the lineage. */
    private static final String STATE_RDD = "MapWithStateRDD";

    private StateLineage() {
    }

    /** The state RDDs reachable from {@code rdd} without passing a checkpointed RDD. */
    static int batchesSinceCheckpoint(RDD<?> rdd) {
        Set<RDD<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<RDD<?>> toVisit = new ArrayDeque<>();
        toVisit.push(rdd);
        int stateRdds = 0;
        while (!toVisit.isEmpty()) { // a loop, not recursion: the lineage may be thousands deep
            RDD<?> current = toVisit.pop();
            if (!seen.add(current)) {
                continue;
            }
            if (current.getClass().getSimpleName().equals(STATE_RDD)) {
                stateRdds++;
            }
            if (current.isCheckpointed()) {
                continue; // what lies below is read back from the checkpoint, never recomputed
            }
            Iterator<Dependency<?>> dependencies = current.dependencies().iterator();
            while (dependencies.hasNext()) {
                toVisit.push(dependencies.next().rdd());
            }
        }
        return stateRdds;
    }
}
