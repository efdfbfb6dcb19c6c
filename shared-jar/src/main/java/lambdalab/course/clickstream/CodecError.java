package lambdalab.course.clickstream;

/**
 * Why a clickstream line was rejected: a reason a program can branch on, and a message a learner
 * can act on (it names the field and shows the offending value, shortened).
 *
 * @param reason the kind of defect
 * @param message what was wrong, for logs and notebooks
 */
public record CodecError(Reason reason, String message) implements DecodeResult, java.io.Serializable {

    /** The kinds of defect the codec detects, in the order it checks them. */
    public enum Reason {
        /** Longer than {@link ClickstreamCodec#MAX_LINE_BYTES}; checked first so huge input is cheap to reject. */
        OVERSIZE_LINE,
        /** The bytes are not valid UTF-8. */
        BAD_ENCODING,
        /** Not exactly seven tab-separated fields. */
        FIELD_COUNT,
        /** The timestamp is not a non-negative decimal number of milliseconds that fits a long. */
        BAD_TIMESTAMP,
        /** The action is not one of the wire names of {@link Action}. */
        UNKNOWN_ACTION
    }
}
