package lambdalab.course.batch;

import java.time.Instant;
import java.util.Map;

/**
 * What one batch run covered of one source's hour: a row of {@code lambda.batch_coverage}.
 *
 * @param source         the raw dataset's topic ({@code generated}, or a Kafka topic), or a TSV input's path
 * @param timestampHour  the hour (epoch ms)
 * @param complete       whether no more events of the hour were to be expected when the run read it:
 *                       always for loaded events and TSV files; for a Kafka topic only when every
 *                       partition of the topic already had events of a later hour
 * @param throughOffsets per Kafka partition, an offset below which the run read every event of the
 *                       hour (empty for sources without Kafka offsets)
 * @param events         the source's events of the hour the run aggregated
 * @param updatedAt      when the run wrote it
 */
public record HourCoverage(String source, long timestampHour, boolean complete, Map<Integer, Long> throughOffsets,
                           long events, Instant updatedAt) {

    public HourCoverage {
        throughOffsets = Map.copyOf(throughOffsets);
    }
}
