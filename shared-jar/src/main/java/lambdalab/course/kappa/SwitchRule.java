package lambdalab.course.kappa;

import java.util.Optional;
import lambdalab.course.exercises.kappa.SwitchCondition;
import lambdalab.course.exercises.kappa.SwitchConditionSolution;

/**
 * When readers may be switched to a version: it exists, it is not the current one already, and it
 * has caught up with the log (at most {@code maxLag} records behind). A version still replaying
 * would serve a view that lacks part of the history: the switch is refused, saying the lag.
 */
public final class SwitchRule {

    /** Exercise 10.switch-rule. */
    private static final SwitchCondition CONDITION = new SwitchConditionSolution();

    private SwitchRule() {
    }

    /** The answer: allowed, or why not. */
    public record Decision(boolean allowed, boolean alreadyCurrent, String reason) {
        static Decision allow(String reason) {
            return new Decision(true, false, reason);
        }

        static Decision refuse(String reason) {
            return new Decision(false, false, reason);
        }
    }

    /**
     * @param target  the version asked for
     * @param known   whether {@code view_versions} has it
     * @param current the version readers use now, if any
     * @param offsets the topic's and the target's offsets
     * @param maxLag  the most records behind a version may be and still be switched to
     */
    public static Decision decide(KappaVersion target, boolean known, Optional<KappaVersion> current,
                                  VersionOffsets offsets, long maxLag) {
        if (!known) {
            return Decision.refuse("there is no Kappa version " + target.number() + " (`./lab kappa status` lists them;"
                    + " `./lab kappa replay --version " + target.number() + "` computes one)");
        }
        if (current.isPresent() && current.get().equals(target)) {
            return new Decision(true, true, target + " is already the current version; nothing changed");
        }
        VersionLag lag = offsets.lag();
        if (!CONDITION.maySwitch(offsets.topicEnd(), offsets.earliest(), offsets.committed(), maxLag)) {
            return Decision.refuse(target + " has not caught up: it is " + lag.describe() + " records behind the topic's"
                    + " end, more than the " + String.format("%,d", maxLag) + " allowed (--max-lag). Wait until"
                    + " `./lab kappa status` shows it caught up, then switch again");
        }
        return Decision.allow(target + " is " + String.format("%,d", lag.total()) + " records behind (at most "
                + String.format("%,d", maxLag) + " allowed)");
    }
}
