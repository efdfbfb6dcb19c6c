package lambdalab.course.exercises.serving;

import lambdalab.course.exercises.Check;
import lambdalab.course.exercises.WrongAnswer;
import lambdalab.course.serving.Layer;

/**
 * Checks a {@link LayerChoice} on the five situations of an hour: a lone batch row, a lone stream
 * row, both with the batch complete and caught up, both with the hour still filling, both with late
 * events the batch run has not read. Each wrong answer says what a user would be served.
 */
public final class LayerChoiceCheck implements Check<LayerChoice> {

    @Override
    public String verify(LayerChoice attempt) {
        expect(attempt, true, false, false, false, Layer.BATCH, "only the batch layer has a row (the speed layer "
                + "started after that hour, or its rows were reset): the batch row is all there is, serve it");
        expect(attempt, false, true, false, false, Layer.STREAM, "only the speed layer has a row (no batch run has "
                + "reached the hour yet): serve it, or the newest hours show nothing");
        expect(attempt, true, true, true, true, Layer.BATCH, "the batch run covered the hour completely and read every "
                + "event the speed layer counted: the batch row is the truth, and serving the stream row keeps whatever "
                + "the speed layer lost or doubled");
        expect(attempt, true, true, false, true, Layer.STREAM, "the batch run covered only part of the hour (it ran "
                + "while the hour was still filling): its row lacks the hour's later events, which the stream row has");
        expect(attempt, true, true, true, false, Layer.STREAM, "events arrived after the batch run read the hour (late "
                + "events): the stream row counts them, the batch row does not yet");
        return "a lone batch row, a lone stream row, a complete batch, an hour still filling and late events";
    }

    private static void expect(LayerChoice attempt, boolean batchRow, boolean streamRow, boolean covered,
                               boolean readAll, Layer expected, String why) {
        Layer got = attempt.serve(batchRow, streamRow, covered, readAll);
        if (got != expected) {
            throw new WrongAnswer("served the " + (got == null ? "null" : got.name().toLowerCase()) + " layer where "
                    + why);
        }
    }
}
