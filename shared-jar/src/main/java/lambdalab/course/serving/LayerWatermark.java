package lambdalab.course.serving;

import java.time.Instant;

/**
 * A row of {@code lambda.layer_watermarks}: the last complete hour a layer covered.
 *
 * @param updatedAt when the layer wrote it; null if it did not say
 */
public record LayerWatermark(Layer layer, long watermarkHour, long events, Instant updatedAt) {
}
