package lambdalab.course.exercises.kappa;

import java.io.Serializable;
import java.util.Optional;
import lambdalab.course.speed.HourAggregate;

/**
 * Exercise 10.batch-upsert: what the Kappa job keeps and writes for one (product, hour) that a
 * micro-batch touched. Its state function gets the group's aggregate after the batches before (none
 * for the group's first batch) and this batch's events of the group, aggregated; what it returns
 * becomes the group's new state and the row {@code foreachBatch} upserts (Cassandra replaces a row by
 * its key).
 */
@FunctionalInterface
public interface BatchUpsert extends Serializable {

    /** The group's new state, which is also its row in the view. */
    HourAggregate rowToWrite(Optional<HourAggregate> before, HourAggregate batch);
}
