package lambdalab.lab.drill;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.clickstream.EventSink;

/**
 * Mixes malformed lines into a generator's stream: after every {@code every}-th event, one line made
 * from it, of each kind in turn (see {@link MalformedLines}); every tenth oversize line is the 1 MB
 * one, the first included. Counts what it sent of each kind, for the dead-letter check.
 */
final class BadLines implements EventSink {

    private static final int HUGE_EVERY = 10;

    /** Sends a line as it is (the generator's Kafka sink's {@code acceptLine}). */
    private final Consumer<byte[]> send;
    private final int every;
    private final Map<MalformedLines.Kind, Long> sent = new EnumMap<>(MalformedLines.Kind.class);
    private long events;
    private long oversize;
    private long huge;

    BadLines(Consumer<byte[]> send, int every) {
        this.send = send;
        this.every = every;
    }

    @Override
    public void accept(ClickEvent event, String encodedLine) {
        if (++events % every != 0) {
            return;
        }
        MalformedLines.Kind[] kinds = MalformedLines.Kind.values();
        MalformedLines.Kind kind = kinds[(int) ((events / every - 1) % kinds.length)];
        boolean isHuge = kind == MalformedLines.Kind.OVERSIZE && oversize++ % HUGE_EVERY == 0;
        send.accept(MalformedLines.make(kind, encodedLine, isHuge));
        sent.merge(kind, 1L, Long::sum);
        huge += isHuge ? 1 : 0;
    }

    /** Read after the generator has finished (its join makes the counts visible). */
    Map<MalformedLines.Kind, Long> sent() {
        return new EnumMap<>(sent);
    }

    long huge() {
        return huge;
    }

    @Override
    public void flush() {
        // the sink it sends to flushes itself
    }

    @Override
    public void close() {
        // the sink it sends to is closed by the generator
    }
}
