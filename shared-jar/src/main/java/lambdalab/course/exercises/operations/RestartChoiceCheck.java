package lambdalab.course.exercises.operations;

import lambdalab.course.exercises.Check;
import lambdalab.course.exercises.WrongAnswer;

/**
 * Checks a {@link RestartChoice} on ten starts: a first one, restarts after a short and a long stop
 * (and one exactly at the limit), an upgrade, a checkpoint behind the commit, and four starts after a
 * run that died while it replayed committed batches.
 */
public final class RestartChoiceCheck implements Check<RestartChoice> {

    private static final long MAX = 30;

    @Override
    public String verify(RestartChoice attempt) {
        expect(attempt, RestartFacts.noCheckpoint(false), RestartSource.VIEWS,
                "without a checkpoint the state comes from the views (empty on a first start, after a reset)");
        expect(attempt, checkpoint(false, 3, false, false), RestartSource.CHECKPOINT,
                "a recent checkpoint of the same settings is the fastest exact restart: Spark replays the"
                        + " batches it had not finished");
        expect(attempt, checkpoint(true, 3, false, false), RestartSource.VIEWS,
                "a checkpoint fixes the settings it was written with (an upgrade changes the job version): Spark"
                        + " would run the old ones or fail to read it, so it is set aside and the state comes from the"
                        + " views");
        expect(attempt, checkpoint(false, 31, false, false), RestartSource.VIEWS,
                "31 missed batches with at most 30: Spark would first run one batch per missed interval (after a"
                        + " night off, tens of thousands); past the window the views hold everything the checkpoint"
                        + " does");
        expect(attempt, checkpoint(false, MAX, false, false), RestartSource.CHECKPOINT,
                "exactly 30 missed batches with at most 30 is allowed: only more than the limit sets it aside");
        expect(attempt, checkpoint(false, 3, true, false), RestartSource.VIEWS,
                "a checkpoint behind the commit would replay batches over view rows written since: the views hold"
                        + " exactly what the commit says, so they are the exact source");
        expect(attempt, checkpoint(false, 5_000, false, true), RestartSource.CHECKPOINT,
                "the last run died in a replay: the views are behind the committed offsets, and only the checkpoint"
                        + " can bring them back exactly, however old it is");
        expect(attempt, checkpoint(false, 3, true, true), RestartSource.CHECKPOINT,
                "the last run died in a replay: only the checkpoint can repair the views, even behind the commit");
        expect(attempt, checkpoint(true, 3, false, true), RestartSource.REFUSE,
                "the checkpoint does not fit the changed settings, and a rebuild from the views would lose the events"
                        + " the unfinished replay had not reached again: the job must refuse to start and say why");
        expect(attempt, RestartFacts.noCheckpoint(true), RestartSource.REFUSE,
                "no checkpoint while a replay is unfinished: a rebuild from the views would lose the events in"
                        + " between, so the job must refuse to start");
        return "ten starts: a first one, after a short and a long stop, at the limit, an upgrade, a checkpoint behind"
                + " the commit, and four after a run that died in a replay";
    }

    private static RestartFacts checkpoint(boolean settingsChanged, long missed, boolean behind, boolean replay) {
        return new RestartFacts(true, settingsChanged, missed, MAX, behind, replay);
    }

    private static void expect(RestartChoice attempt, RestartFacts facts, RestartSource expected, String why) {
        RestartSource got = attempt.choose(facts);
        if (got != expected) {
            throw new WrongAnswer(facts + ": " + got + ", but " + why);
        }
    }
}
