package lambdalab.course.speed;

import java.io.Serializable;

/** Counts of each action, for the sliding window: added as batches enter it, subtracted as they leave. */
public record ActionCounts(long purchases, long addToCarts, long pageViews) implements Serializable {

    public ActionCounts plus(ActionCounts other) {
        return new ActionCounts(purchases + other.purchases, addToCarts + other.addToCarts, pageViews + other.pageViews);
    }

    public ActionCounts minus(ActionCounts other) {
        return new ActionCounts(purchases - other.purchases, addToCarts - other.addToCarts, pageViews - other.pageViews);
    }

    public static ActionCounts of(HourAggregate aggregate) {
        return new ActionCounts(aggregate.purchases(), aggregate.addToCarts(), aggregate.pageViews());
    }
}
