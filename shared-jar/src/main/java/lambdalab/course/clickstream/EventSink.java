package lambdalab.course.clickstream;

/**
 * Where generated events go: files, stdout, Kafka, the ground truth. The generator hands each
 * event over together with its encoded line, so that sinks writing text do not encode again and
 * sinks that count (like {@link GroundTruth}) do not decode.
 *
 * <p>Sinks report I/O failures as {@link java.io.UncheckedIOException}: a generator run cannot
 * recover from a broken output, and unchecked failures keep notebooks and lambdas readable.
 */
public interface EventSink extends AutoCloseable {

    /** Takes one event; {@code encodedLine} is {@code ClickstreamCodec.encode(event)}, without newline. */
    void accept(ClickEvent event, String encodedLine);

    /** Pushes buffered events on to their destination. */
    void flush();

    /** Flushes and releases the destination; a sink is not used after closing. */
    @Override
    void close();
}
