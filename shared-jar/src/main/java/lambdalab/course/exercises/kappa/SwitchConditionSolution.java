package lambdalab.course.exercises.kappa;

import java.util.Map;
import lambdalab.course.kappa.VersionLag;

/**
 * The reference solution of {@link SwitchCondition}, the one {@code lab kappa switch} runs: the lag of
 * every partition (from what the version committed, or from the earliest offset where it committed
 * nothing yet, to the topic's end), added up, at most {@code maxLag}.
 */
public final class SwitchConditionSolution implements SwitchCondition {

    @Override
    public boolean maySwitch(Map<Integer, Long> topicEnd, Map<Integer, Long> earliest, Map<Integer, Long> committed,
                             long maxLag) {
        return VersionLag.of(topicEnd, earliest, committed).total() <= maxLag;
    }
}
