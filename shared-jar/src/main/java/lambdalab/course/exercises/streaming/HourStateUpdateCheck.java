package lambdalab.course.exercises.streaming;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import lambdalab.course.exercises.Check;
import lambdalab.course.exercises.WrongAnswer;
import lambdalab.course.sketches.VisitorSketches;
import lambdalab.course.speed.HourAggregate;
import org.apache.spark.api.java.Optional;

/**
 * Checks a {@link HourStateUpdate} on the four calls {@code mapWithState} makes: a new group, a
 * group in the state, the timeout call, and a late event for a group that timed out earlier.
 */
public final class HourStateUpdateCheck implements Check<HourStateUpdate> {

    private static final HourAggregate ROW = aggregate(2, 5, 40, 0, 30);
    private static final HourAggregate BATCH = aggregate(1, 2, 10, 20, 45);
    private static final HourAggregate LATE = aggregate(0, 1, 2, 40, 42);

    @Override
    public String verify(HourStateUpdate attempt) {
        newGroup(attempt);
        groupInTheState(attempt);
        timeout(attempt);
        lateEventAfterATimeout(attempt);
        return "a new group, a group in the state, the timeout call and a late event after it";
    }

    private static void newGroup(HourStateUpdate attempt) {
        ScriptedState<HourAggregate> state = ScriptedState.none();
        Optional<HourAggregate> result = call(attempt, "a new group", Optional.of(BATCH), state, () -> null);
        expect("a new group (no state, no view row)", result, state, BATCH);
    }

    private static void groupInTheState(HourStateUpdate attempt) {
        ScriptedState<HourAggregate> state = ScriptedState.of(ROW);
        AtomicInteger reads = new AtomicInteger();
        Optional<HourAggregate> result = call(attempt, "a group in the state", Optional.of(BATCH), state, () -> {
            reads.incrementAndGet();
            return ROW;
        });
        if (result.isPresent() && sameCounts(result.get(), BATCH)) {
            throw new WrongAnswer("a group in the state got this batch's counts alone " + counts(BATCH) + ": add the batch "
                    + "to the state's value (state.get().plus(batch.get())), the running total " + counts(ROW.plus(BATCH)));
        }
        expect("a group in the state", result, state, ROW.plus(BATCH));
        if (reads.get() > 0) {
            throw new WrongAnswer("a group in the state read its view row: that is a Cassandra query per group and batch; "
                    + "the state already holds the value (read the row only when state.exists() is false)");
        }
    }

    private static void timeout(HourStateUpdate attempt) {
        ScriptedState<HourAggregate> state = ScriptedState.timingOut(ROW.plus(BATCH));
        Optional<HourAggregate> result = call(attempt, "the timeout call", Optional.empty(), state, () -> ROW);
        if (result.isPresent()) {
            throw new WrongAnswer("the timeout call returned a value: it brings no events, so nothing changed and nothing "
                    + "is to be written; return Optional.empty() when state.isTimingOut()");
        }
    }

    private static void lateEventAfterATimeout(HourStateUpdate attempt) {
        ScriptedState<HourAggregate> state = ScriptedState.none();
        Optional<HourAggregate> result = call(attempt, "a late event after a timeout", Optional.of(LATE), state, () -> ROW);
        if (result.isPresent() && sameCounts(result.get(), LATE)) {
            throw new WrongAnswer("a group that timed out earlier started from zero when a late event came: its view row "
                    + counts(ROW) + " would be overwritten with the late batch's " + counts(LATE) + " (the views are "
                    + "absolute upserts); continue from rowBeforeBatch.get() when the state does not exist");
        }
        expect("a late event for a group that timed out earlier", result, state, ROW.plus(LATE));
    }

    private static Optional<HourAggregate> call(HourStateUpdate attempt, String what, Optional<HourAggregate> batch,
                                                ScriptedState<HourAggregate> state, Supplier<HourAggregate> row) {
        try {
            Optional<HourAggregate> result = attempt.update(batch, state, row);
            if (result == null) {
                throw new WrongAnswer(what + ": returned null; return Optional.empty() for nothing to write");
            }
            return result;
        } catch (IllegalArgumentException timingOut) {
            throw new WrongAnswer(what + ": " + timingOut.getMessage() + ": Spark calls the function once more when a "
                    + "group times out, without a batch value, and its state can then be neither updated nor removed; "
                    + "check state.isTimingOut() first");
        } catch (NoSuchElementException missing) {
            throw new WrongAnswer(what + ": state.get() threw (" + missing.getMessage() + "): a group that is not in "
                    + "the state has no value; check state.exists() first");
        } catch (NullPointerException none) {
            throw new WrongAnswer(what + ": a NullPointerException: a new group has no view row (rowBeforeBatch.get() "
                    + "is null), and the timeout call has no batch value (batch.isPresent() is false)");
        }
    }

    private static void expect(String what, Optional<HourAggregate> result, ScriptedState<HourAggregate> state,
                               HourAggregate expected) {
        if (!result.isPresent()) {
            throw new WrongAnswer(what + ": returned nothing to write, expected " + counts(expected));
        }
        if (!sameCounts(result.get(), expected)) {
            throw new WrongAnswer(what + ": returned " + counts(result.get()) + ", expected " + counts(expected));
        }
        if (result.get().uniqueVisitors() != expected.uniqueVisitors()) {
            throw new WrongAnswer(what + ": the counts are right but the visitors estimate is "
                    + result.get().uniqueVisitors() + ", not " + expected.uniqueVisitors() + ": the sketches must be "
                    + "united (HourAggregate.plus does counts and sketches together), never replaced or added up");
        }
        if (!state.updated() || !sameCounts(state.value(), expected)) {
            throw new WrongAnswer(what + ": the state was not updated to the new value: call state.update(merged), "
                    + "or the next batch starts from the old one");
        }
    }

    private static boolean sameCounts(HourAggregate a, HourAggregate b) {
        return a.purchases() == b.purchases() && a.addToCarts() == b.addToCarts() && a.pageViews() == b.pageViews();
    }

    private static String counts(HourAggregate aggregate) {
        return "(" + aggregate.purchases() + " purchases, " + aggregate.addToCarts() + " add to cart, "
                + aggregate.pageViews() + " page views)";
    }

    /** An aggregate with these counts whose visitors are {@code Visitor-from} to {@code Visitor-(to - 1)}. */
    private static HourAggregate aggregate(long purchases, long addToCarts, long pageViews, int from, int to) {
        List<String> visitors = IntStream.range(from, to).mapToObj(i -> "Visitor-" + i).toList();
        return new HourAggregate(purchases, addToCarts, pageViews, VisitorSketches.of(visitors));
    }
}
