package lambdalab.exercises.serving;

import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.serving.LayerChoice;
import lambdalab.course.serving.Layer;

/**
 * Exercise 08.merge-rule (note 08, "The serving layer"): which layer answers a (product, hour). Run
 * LayerChoiceExerciseTest to check it; the hints are in the note, the solution in the shared jar
 * (LayerChoiceSolution).
 */
public class LayerChoiceExercise implements LayerChoice {

    @Override
    public Layer serve(boolean batchRow, boolean streamRow, boolean batchCoveredTheHour,
                       boolean batchReadAllTheStreamCounted) {
        throw new MissingSolutionException();
    }
}
