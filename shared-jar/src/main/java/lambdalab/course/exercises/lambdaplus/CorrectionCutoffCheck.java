package lambdalab.course.exercises.lambdaplus;

import lambdalab.course.exercises.Check;
import lambdalab.course.exercises.WrongAnswer;

/**
 * Checks a {@link CorrectionCutoff} on runs at an unaligned moment with a 5-minute and a zero horizon;
 * names a cutoff inside a bucket, one rounded up, and one that ignores the horizon.
 */
public final class CorrectionCutoffCheck implements Check<CorrectionCutoff> {

    private static final long NOW = 1_764_710_000_137L;
    private static final long FIVE_MINUTES = 300_000;

    @Override
    public String verify(CorrectionCutoff attempt) {
        expect(attempt, NOW, FIVE_MINUTES, 1_764_709_700_100L);
        expect(attempt, NOW, 0, 1_764_710_000_100L);
        return "runs at an unaligned moment with a 5-minute and a zero horizon";
    }

    private static void expect(CorrectionCutoff attempt, long now, long horizon, long expected) {
        long got = attempt.cutoff(now, horizon);
        if (got == expected) {
            return;
        }
        String seen = "a run at " + now + " with a horizon of " + horizon + " ms gave " + got + ", not " + expected + ": ";
        if (got == now - horizon) {
            throw new WrongAnswer(seen + "that cuts a bucket in two. The run would rewrite bucket " + expected + " from "
                    + "only its records before the cutoff, replacing a complete speed rollup with part of one. Round "
                    + "down to the start of the bucket");
        }
        if (got == expected + 100) {
            throw new WrongAnswer(seen + "rounded up: bucket " + expected + " still holds readings younger than the "
                    + "horizon (retries may still arrive, the speed layer still writes it), so it is not the batch's yet");
        }
        if (horizon > 0 && got >= now - 100) {
            throw new WrongAnswer(seen + "that ignores the horizon. The newest minutes are still filling and the speed job "
                    + "still writes them: it would overwrite the correction a second later with its own rollup");
        }
        if (got > now) {
            throw new WrongAnswer(seen + "that lies ahead of the run: no reading there exists yet");
        }
        throw new WrongAnswer(seen + "the cutoff is the bucket that holds the moment now - horizon");
    }
}
