package lambdalab.course.serving;

import com.datastax.oss.driver.api.core.CqlSession;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.LongStream;

/**
 * The serving layer of the Lambda architecture: answers per (product, hour) from the batch view
 * where the batch runs covered the hour completely and read every event the speed layer counted,
 * else from the speed layer's view, saying which and why (see {@link ViewMerge#serve}), with
 * per-product totals whose unique visitors come from the union of the hours' sketches.
 */
public final class ServingLayer {

    private final ViewReader views;
    private final String streamTopic;

    /** @param streamTopic the Kafka topic the speed layer reads (setting {@code stream.topic}) */
    public ServingLayer(CqlSession session, String streamTopic) {
        this.views = new ViewReader(session);
        this.streamTopic = streamTopic;
    }

    /**
     * The last {@code hours} hours, counted back from the newest hour either layer has for
     * {@code product} (or for any product when empty).
     *
     * @throws MissingViewsException when the views do not exist yet
     */
    public ServingResult query(Optional<String> product, int hours) {
        ViewMerge.requireHours(hours);
        views.requireViews();
        BatchCoverage coverage = new BatchCoverage(views.coverage());
        Optional<LayerWatermark> streamWatermark = views.streamWatermark();
        OptionalLong newest = LongStream.concat(views.newestHour(Layer.BATCH, product).stream(),
                views.newestHour(Layer.STREAM, product).stream()).max();
        if (newest.isEmpty()) {
            return new ServingResult(List.of(), List.of(), streamTopic, coverage.summaries(), streamWatermark);
        }
        long from = ViewMerge.windowStart(newest.getAsLong(), hours);
        List<ServedRow> rows = ViewMerge.merge(views.rowsFrom(Layer.BATCH, product, from),
                views.rowsFrom(Layer.STREAM, product, from), coverage, streamTopic, hours);
        return new ServingResult(rows, ViewMerge.totals(rows), streamTopic, coverage.summaries(), streamWatermark);
    }
}
