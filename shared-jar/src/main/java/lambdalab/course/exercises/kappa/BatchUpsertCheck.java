package lambdalab.course.exercises.kappa;

import java.util.List;
import java.util.Optional;
import lambdalab.course.exercises.Check;
import lambdalab.course.exercises.WrongAnswer;
import lambdalab.course.sketches.VisitorSketches;
import lambdalab.course.speed.HourAggregate;

/**
 * Plays one group through three micro-batches as the Kappa job runs them, with a crash after the
 * second batch's write and before its commit, so Spark runs that batch again from the state before
 * it. The rows written are upserted into a one-row "table". Names a row of the batch alone, a row
 * without the batch, a batch counted twice, counted visitors instead of united sketches, a first
 * batch without state that fails, and a replay that writes another row.
 */
public final class BatchUpsertCheck implements Check<BatchUpsert> {

    private static final HourAggregate FIRST = batch(2, 1, 5, "Visitor-1", "Visitor-2", "Visitor-3");
    private static final HourAggregate SECOND = batch(0, 3, 4, "Visitor-3", "Visitor-4");
    private static final HourAggregate THIRD = batch(1, 0, 2, "Visitor-1", "Visitor-5");
    private static final HourAggregate ALL = FIRST.plus(SECOND).plus(THIRD);

    @Override
    public String verify(BatchUpsert attempt) {
        HourAggregate afterFirst = firstBatch(attempt);
        expect(afterFirst, FIRST, "after the group's first micro-batch", attempt, Optional.empty(), FIRST);
        HourAggregate written = call(attempt, Optional.of(afterFirst), SECOND);
        expect(written, FIRST.plus(SECOND), "after the second micro-batch", attempt, Optional.of(afterFirst), SECOND);
        // the crash: the row is written, the batch not committed; Spark runs it again from the state before it
        HourAggregate replayed = call(attempt, Optional.of(afterFirst), SECOND);
        if (!same(replayed, written)) {
            throw new WrongAnswer("Spark ran the second micro-batch again (same events, same state before it) and the "
                    + "row was " + describe(replayed) + " instead of " + describe(written) + " the first time. The row "
                    + "may depend only on the state before and the batch: anything else (a counter of your own, the "
                    + "table's current row, the clock) changes when a batch is run again");
        }
        HourAggregate table = call(attempt, Optional.of(replayed), THIRD);
        expect(table, ALL, "after the third micro-batch", attempt, Optional.of(replayed), THIRD);
        return "three micro-batches of a group, the second one run twice after a crash: the row holds each event once";
    }

    private static HourAggregate firstBatch(BatchUpsert attempt) {
        try {
            return call(attempt, Optional.empty(), FIRST);
        } catch (java.util.NoSuchElementException | NullPointerException e) {
            throw new WrongAnswer("the group's first micro-batch failed with " + e.getClass().getSimpleName() + ": a group "
                    + "has no state before its first batch (Optional.empty()); its row is then the batch's aggregate alone");
        }
    }

    private static HourAggregate call(BatchUpsert attempt, Optional<HourAggregate> before, HourAggregate batch) {
        HourAggregate row = attempt.rowToWrite(before, batch);
        if (row == null) {
            throw new WrongAnswer("the row was null: return the group's aggregate (it becomes the state and the row)");
        }
        return row;
    }

    private static void expect(HourAggregate row, HourAggregate expected, String when, BatchUpsert attempt,
                               Optional<HourAggregate> before, HourAggregate batch) {
        if (same(row, expected)) {
            return;
        }
        String seen = when + " the row is " + describe(row) + ", not " + describe(expected) + ": ";
        if (before.isPresent() && sameCounts(row, batch)) {
            throw new WrongAnswer(seen + "it holds only this micro-batch's events. Cassandra's write replaces the row, so "
                    + "the " + before.get().events() + " events of the batches before are gone. Write the group's whole "
                    + "aggregate: the state before plus the batch");
        }
        if (before.isPresent() && sameCounts(row, before.get())) {
            throw new WrongAnswer(seen + "this micro-batch's " + batch.events() + " events are missing: add the batch to "
                    + "the state before");
        }
        if (before.isPresent() && sameCounts(row, before.get().plus(batch).plus(batch))) {
            throw new WrongAnswer(seen + "the batch is counted twice: the state before does not hold it yet, add it once");
        }
        if (sameCounts(row, expected)) {
            throw new WrongAnswer(seen + "the counts are right, the visitors are not. A visitor of two batches is one "
                    + "visitor: unite the sketches (HourAggregate.plus does), never add visitor numbers");
        }
        throw new WrongAnswer(seen + "the row is the state before plus the batch (counts add, sketches unite)");
    }

    private static boolean same(HourAggregate row, HourAggregate expected) {
        return sameCounts(row, expected) && row.uniqueVisitors() == expected.uniqueVisitors();
    }

    private static boolean sameCounts(HourAggregate row, HourAggregate expected) {
        return row.purchases() == expected.purchases() && row.addToCarts() == expected.addToCarts()
                && row.pageViews() == expected.pageViews();
    }

    private static String describe(HourAggregate row) {
        return "(" + row.purchases() + " purchases, " + row.addToCarts() + " add-to-carts, " + row.pageViews()
                + " page views, " + row.uniqueVisitors() + " visitors)";
    }

    private static HourAggregate batch(long purchases, long addToCarts, long pageViews, String... visitors) {
        return new HourAggregate(purchases, addToCarts, pageViews, VisitorSketches.of(List.of(visitors)));
    }
}
