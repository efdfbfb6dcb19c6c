package lambdalab.course.serving;

import com.datastax.oss.driver.api.core.CqlSession;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.LongStream;

/**
 * The serving layer of the Lambda architecture: answers per (product, hour) from the batch views up
 * to the batch watermark and from the speed layer's views after it (see {@link ViewMerge}), with
 * per-product totals whose unique visitors come from the union of the hours' sketches.
 */
public final class ServingLayer {

    private final ViewReader views;

    public ServingLayer(CqlSession session) {
        this.views = new ViewReader(session);
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
        Map<Layer, LayerWatermark> watermarks = views.watermarks();
        Optional<LayerWatermark> batchWatermark = Optional.ofNullable(watermarks.get(Layer.BATCH));
        Optional<LayerWatermark> streamWatermark = Optional.ofNullable(watermarks.get(Layer.STREAM));
        OptionalLong newest = LongStream.concat(views.newestHour(Layer.BATCH, product).stream(),
                views.newestHour(Layer.STREAM, product).stream()).max();
        if (newest.isEmpty()) {
            return new ServingResult(List.of(), List.of(), batchWatermark, streamWatermark);
        }
        long from = ViewMerge.windowStart(newest.getAsLong(), hours);
        List<ServedRow> rows = ViewMerge.merge(views.rowsFrom(Layer.BATCH, product, from),
                views.rowsFrom(Layer.STREAM, product, from),
                batchWatermark.map(w -> OptionalLong.of(w.watermarkHour())).orElse(OptionalLong.empty()), hours);
        return new ServingResult(rows, ViewMerge.totals(rows), batchWatermark, streamWatermark);
    }
}
