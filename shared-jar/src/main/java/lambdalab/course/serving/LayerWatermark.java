package lambdalab.course.serving;

import java.time.Instant;

/**
 * A row of {@code lambda.layer_watermarks}: the newest hour a layer has seen and its event count.
 * Only the speed layer writes one; the batch layer records what it covered per source and hour
 * instead ({@code lambda.batch_coverage}).
 *
 * @param updatedAt when the layer wrote it; null if it did not say
 */
public record LayerWatermark(Layer layer, long watermarkHour, long events, Instant updatedAt) {
}
