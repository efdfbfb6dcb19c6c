package lambdalab.course.exercises.lambdaplus;

import java.io.Serializable;

/**
 * Exercise 09.correction-cutoff: where a batch run's correction stops. The run recomputes every
 * bucket before the cutoff from {@code records} (overwriting the speed layer's rollups) and leaves
 * every bucket from the cutoff on to the speed layer.
 */
@FunctionalInterface
public interface CorrectionCutoff extends Serializable {

    /**
     * The first bucket that a run starting at {@code nowMillis} leaves alone, when only readings older
     * than {@code horizonMillis} are the batch layer's.
     */
    long cutoff(long nowMillis, long horizonMillis);
}
