package lambdalab.exercises.lambdaplus;

import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.lambdaplus.CorrectionCutoff;

/**
 * Exercise 09.correction-cutoff (note 09, "Lambda+"): where the batch run's correction stops. Run
 * CorrectionCutoffExerciseTest to check it; the hints are in the note, the solution in the shared
 * jar (CorrectionCutoffSolution).
 */
public class CorrectionCutoffExercise implements CorrectionCutoff {

    @Override
    public long cutoff(long nowMillis, long horizonMillis) {
        throw new MissingSolutionException();
    }
}
