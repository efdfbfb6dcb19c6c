package lambdalab.course.exercises.kappa;

import java.util.Optional;
import lambdalab.course.speed.HourAggregate;

/**
 * The reference solution of {@link BatchUpsert}, the one the Kappa job runs: the group's WHOLE
 * aggregate (the state before plus the batch: counts add, sketches unite). Written as a whole row, a
 * micro-batch that Spark runs again after a crash (same offsets, the state as it was before it)
 * writes the same row again instead of adding its events twice.
 */
public final class BatchUpsertSolution implements BatchUpsert {

    @Override
    public HourAggregate rowToWrite(Optional<HourAggregate> before, HourAggregate batch) {
        return before.map(state -> state.plus(batch)).orElse(batch);
    }
}
