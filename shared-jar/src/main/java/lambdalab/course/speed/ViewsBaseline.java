package lambdalab.course.speed;

import java.io.Serializable;
import java.time.Instant;

/**
 * Which stream view rows a run of the job may take as state, fixed when the run's job is created
 * (and kept in its checkpoint).
 *
 * @param viewsSince    rows written before it were counted by a run that was reset: never state
 * @param committedAsOf when the run was rebuilt from the views, the last committed batch (else null)
 * @param runStartedAt  when the run's job was created: rows written after {@code committedAsOf} and
 *                      before it belong to a batch that never committed, and count at their value
 *                      before that batch
 */
record ViewsBaseline(Instant viewsSince, Instant committedAsOf, Instant runStartedAt) implements Serializable {

    /** A run from no committed offsets: no row of the views counts. */
    static ViewsBaseline startingOver() {
        Instant now = Instant.now();
        return new ViewsBaseline(now, null, now);
    }

    /** A run rebuilt from the views as of the committed batch {@code committed}. */
    static ViewsBaseline rebuiltAsOf(Instant viewsSince, Instant committed) {
        return new ViewsBaseline(viewsSince, committed, Instant.now());
    }

    boolean countedBeforeAReset(Instant writtenAt) {
        return viewsSince != null && writtenAt.isBefore(viewsSince);
    }

    boolean writtenByAnUncommittedBatch(Instant writtenAt) {
        return committedAsOf != null && writtenAt.isAfter(committedAsOf) && writtenAt.isBefore(runStartedAt);
    }
}
