package lambdalab.course.clickstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeeSinkTest {

    @Test
    void everySinkGetsEveryEvent() {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        GeneratorSettings settings = GeneratorSettings.builder().events(10).build();
        new ClickstreamGenerator(settings).writeTo(TeeSink.of(
                new ClickstreamGeneratorTest.CollectingSink(first), new ClickstreamGeneratorTest.CollectingSink(second)));
        assertThat(first).hasSize(10).isEqualTo(second);
    }

    @Test
    void closesAllSinksAndRethrowsTheFirstFailure() {
        List<String> closed = new ArrayList<>();
        TeeSink tee = TeeSink.of(failingOnClose("a", closed), failingOnClose("b", closed));
        assertThatThrownBy(tee::close).hasMessage("a")
                .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage).containsExactly("b"));
        assertThat(closed).containsExactly("a", "b");
    }

    private static EventSink failingOnClose(String name, List<String> closed) {
        return new EventSink() {
            @Override
            public void accept(ClickEvent event, String encodedLine) {
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
                closed.add(name);
                throw new IllegalStateException(name);
            }
        };
    }
}
