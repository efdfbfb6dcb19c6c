package lambdalab.course.exercises.serving;

import lambdalab.course.serving.Layer;
import lambdalab.course.serving.ViewMerge;

/**
 * The reference solution of {@link LayerChoice}, the rule of {@link ViewMerge#serve} (which also says
 * why): the batch layer recomputed from every raw event, so where it covered the hour completely and
 * had read everything the speed layer counted, it is right even when the speed layer lost or doubled
 * messages; anywhere else the speed layer's row is the better answer, and a lone row answers.
 */
public final class LayerChoiceSolution implements LayerChoice {

    @Override
    public Layer serve(boolean batchRow, boolean streamRow, boolean batchCoveredTheHour,
                       boolean batchReadAllTheStreamCounted) {
        if (!streamRow) {
            return Layer.BATCH;
        }
        if (!batchRow) {
            return Layer.STREAM;
        }
        return batchCoveredTheHour && batchReadAllTheStreamCounted ? Layer.BATCH : Layer.STREAM;
    }
}
