package lambdalab.course.serving;

import java.util.Locale;

/** The two layers whose views the serving layer merges. */
public enum Layer {
    /** The batch views: recomputed from the raw events, authoritative for the hours a run covered completely. */
    BATCH,
    /** The speed layer's views: the hours (and the late events) the batch layer has not covered yet. */
    STREAM;

    /** The table prefix and the key in {@code layer_watermarks}: {@code batch} or {@code stream}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
