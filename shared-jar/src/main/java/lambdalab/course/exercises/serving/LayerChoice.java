package lambdalab.course.exercises.serving;

import java.io.Serializable;
import lambdalab.course.serving.Layer;

/**
 * Exercise 08.merge-rule: which layer the serving layer answers a (product, hour) from, given
 * whether each layer has a row for it, whether the batch run covered the hour completely, and
 * whether that run had read every event the stream row counts. At least one layer has a row.
 */
@FunctionalInterface
public interface LayerChoice extends Serializable {

    Layer serve(boolean batchRow, boolean streamRow, boolean batchCoveredTheHour, boolean batchReadAllTheStreamCounted);
}
