package lambdalab.course.clickstream;

import java.util.List;

/**
 * Sends every event to several sinks in order, e.g. a {@link FileSink} and the
 * {@link GroundTruth} that later checks what the pipeline computed from those files.
 *
 * @param sinks the sinks, called in list order
 */
public record TeeSink(List<EventSink> sinks) implements EventSink {

    /** Copies the list so later changes to the caller's list cannot affect a running tee. */
    public TeeSink {
        sinks = List.copyOf(sinks);
    }

    /** A tee over the given sinks. */
    public static TeeSink of(EventSink... sinks) {
        return new TeeSink(List.of(sinks));
    }

    @Override
    public void accept(ClickEvent event, String encodedLine) {
        for (EventSink sink : sinks) {
            sink.accept(event, encodedLine);
        }
    }

    @Override
    public void flush() {
        sinks.forEach(EventSink::flush);
    }

    /** Closes every sink, even when one fails; the first failure is rethrown with the others suppressed. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (EventSink sink : sinks) {
            try {
                sink.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
