package lambdalab.course.serving;

import java.util.List;
import java.util.Optional;

/**
 * The answer to a serving query.
 *
 * @param rows            per (product, hour), ordered by product then hour
 * @param totals          per product over {@code rows}, ordered by product
 * @param batchWatermark  the batch layer's watermark, empty before its first run
 * @param streamWatermark the speed layer's, empty if it never recorded one
 */
public record ServingResult(List<ServedRow> rows, List<ServedTotal> totals, Optional<LayerWatermark> batchWatermark,
                            Optional<LayerWatermark> streamWatermark) {
}
