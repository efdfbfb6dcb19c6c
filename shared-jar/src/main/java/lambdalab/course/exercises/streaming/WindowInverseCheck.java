package lambdalab.course.exercises.streaming;

import java.util.ArrayList;
import java.util.List;
import lambdalab.course.exercises.Check;
import lambdalab.course.exercises.WrongAnswer;
import lambdalab.course.speed.ActionCounts;

/**
 * Checks a {@link WindowInverse} the way {@code reduceByKeyAndWindow} uses it: a window of 3
 * batches sliding by one over 12 batches of one product, kept up incrementally (previous window,
 * plus the entering batch, inverse of the leaving one) and compared at every slide with the sum of
 * the batches actually in the window.
 */
public final class WindowInverseCheck implements Check<WindowInverse> {

    private static final int WINDOW = 3;

    @Override
    public String verify(WindowInverse attempt) throws Exception {
        List<ActionCounts> batches = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            batches.add(new ActionCounts(i % 3, 2 + i % 4, 20 + 3 * i));
        }
        ActionCounts window = new ActionCounts(0, 0, 0);
        for (int slide = 0; slide < batches.size(); slide++) {
            window = window.plus(batches.get(slide));
            if (slide >= WINDOW) {
                window = attempt.call(window, batches.get(slide - WINDOW));
                if (window == null) {
                    throw new WrongAnswer("returned null: return the window's counts without the leaving batch");
                }
            }
            ActionCounts expected = sum(batches.subList(Math.max(0, slide - WINDOW + 1), slide + 1));
            if (!window.equals(expected)) {
                throw new WrongAnswer(diagnosis(window, expected, batches, slide));
            }
        }
        return "a 3-batch window sliding over 12 batches equals the sum of its batches at every slide";
    }

    private static String diagnosis(ActionCounts got, ActionCounts expected, List<ActionCounts> batches, int slide) {
        String where = "after batch " + (slide + 1) + " the window holds " + got + " where its 3 batches sum to " + expected;
        ActionCounts leaving = batches.get(slide - WINDOW);
        if (got.minus(expected).equals(leaving.plus(leaving))) {
            return where + ": it only grows, by twice the batch that left; the inverse must take the leaving batch "
                    + "out (subtract it), not add it";
        }
        if (got.pageViews() < 0) {
            return where + ": negative counts, the window subtracted from the leaving batch; call(window, leaving) "
                    + "returns window minus leaving";
        }
        if (got.equals(batches.get(slide)) || got.equals(leaving)) {
            return where + ": a single batch; the inverse returns the window without the leaving batch, the rest of "
                    + "the window stays";
        }
        return where;
    }

    private static ActionCounts sum(List<ActionCounts> batches) {
        return batches.stream().reduce(new ActionCounts(0, 0, 0), ActionCounts::plus);
    }
}
