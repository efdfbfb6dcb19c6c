package lambdalab.lab.drill;

import java.util.function.Predicate;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.clickstream.EventSink;
import lambdalab.course.clickstream.GroundTruth;

/** The exact truth of the events whose line passes a test (e.g. those a drill does not lose). */
final class FilteredTruth implements EventSink {

    private final Predicate<String> test;
    private final GroundTruth truth = new GroundTruth();

    FilteredTruth(Predicate<String> test) {
        this.test = test;
    }

    @Override
    public void accept(ClickEvent event, String encodedLine) {
        if (test.test(encodedLine)) {
            truth.accept(event, encodedLine);
        }
    }

    /** Read after the generator has finished. */
    GroundTruth truth() {
        return truth;
    }

    @Override
    public void flush() {
        truth.flush();
    }

    @Override
    public void close() {
        truth.close();
    }
}
