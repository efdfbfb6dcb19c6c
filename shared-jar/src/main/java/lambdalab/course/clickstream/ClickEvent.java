package lambdalab.course.clickstream;

import java.util.Objects;

/**
 * One clickstream event, the unit every stage of the course counts.
 *
 * <p>The fields follow the order of the TSV line (see {@link ClickstreamCodec}). Absent values are
 * empty strings, never {@code null}, so that the record maps one-to-one onto a line and onto a
 * Spark row without null handling.
 *
 * @param timestampMs simulated event time, epoch milliseconds
 * @param referrer where the visitor came from, one of {@link Domain#REFERRERS} for generated data
 * @param action what the visitor did
 * @param prevPage the page visited before, or {@code ""} unless the referrer is {@code Internal}
 * @param visitor the visitor id, {@code Visitor-N}
 * @param page the page the event happened on, {@code Page-N}
 * @param product the product, {@code Brand,Product}
 */
public record ClickEvent(
        long timestampMs,
        String referrer,
        Action action,
        String prevPage,
        String visitor,
        String page,
        String product) implements java.io.Serializable {

    /** Milliseconds in one hour, the width of the buckets the views are keyed by. */
    public static final long HOUR_MS = 3_600_000L;

    /** Rejects nulls at construction so that no later stage has to guess what null meant. */
    public ClickEvent {
        Objects.requireNonNull(referrer, "referrer");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(prevPage, "prevPage (use \"\" when there is none)");
        Objects.requireNonNull(visitor, "visitor");
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(product, "product");
    }

    /**
     * The start of the event's hour, {@code ts - ts % 3_600_000}: the {@code timestamp_hour} key of
     * every view, written exactly as the Spark jobs compute it.
     */
    public long hourBucket() {
        return timestampMs - timestampMs % HOUR_MS;
    }
}
