package lambdalab.course.clickstream;

/**
 * What {@link ClickstreamCodec#decode(String)} returns: the event, or why the line was rejected.
 *
 * <p>A result value instead of an exception because bad lines are expected input for a stream
 * job: it counts or routes them and carries on, and throwing per bad line would be slow.
 * Use a {@code switch} or {@code instanceof} on the two cases.
 */
public sealed interface DecodeResult permits DecodeResult.Decoded, CodecError {

    /** A line that decoded cleanly. */
    record Decoded(ClickEvent event) implements DecodeResult {
    }

    /** True when the line decoded into an event. */
    default boolean isDecoded() {
        return this instanceof Decoded;
    }

    /**
     * The event, for callers that treat a bad line as a bug (tests, tools on trusted files).
     *
     * @throws IllegalArgumentException with the error's message when the line was rejected
     */
    default ClickEvent orElseThrow() {
        if (this instanceof Decoded decoded) {
            return decoded.event();
        }
        CodecError error = (CodecError) this;
        throw new IllegalArgumentException(error.reason() + ": " + error.message());
    }
}
