package lambdalab.course.serving;

import java.util.Locale;

/** Why the serving layer answers a (product, hour) from the layer it does (see {@link ViewMerge#serve}). */
public enum Reason {
    /**
     * The batch run covered the hour completely for every source of its row, and read every event
     * the stream row (if any) counts.
     */
    COMPLETE,
    /** The batch run saw the hour still filling: a Kafka partition had no event of a later hour yet. */
    STILL_FILLING,
    /** No batch run recorded what it covered of this hour (a row from before coverage was recorded). */
    NOT_COVERED,
    /** The stream row counts events (by their Kafka offsets) the batch run had not read: they came later. */
    LATE_EVENTS,
    /** The batch row holds no events of the stream's topic: the batch never read what the stream counted. */
    NOT_IN_BATCH,
    /** Only the stream has a row: the batch has not run over this hour (or this product in it) yet. */
    NO_BATCH_ROW;

    /** For JSON: {@code still-filling} etc. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
