package lambdalab.course.serving;

import java.util.List;
import java.util.Optional;

/**
 * The answer to a serving query.
 *
 * @param rows            per (product, hour), ordered by product then hour
 * @param totals          per product over {@code rows}, ordered by product
 * @param streamTopic     the speed layer's topic the rows were judged against
 * @param batchCoverage   per source, what the batch runs covered (all hours, not only the rows'); empty
 *                        before the first batch run
 * @param streamWatermark the speed layer's, empty if it never recorded one
 */
public record ServingResult(List<ServedRow> rows, List<ServedTotal> totals, String streamTopic,
                            List<SourceCoverage> batchCoverage, Optional<LayerWatermark> streamWatermark) {
}
