package lambdalab.course.clickstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StdoutSinkTest {

    @Test
    void writesOneLineFeedTerminatedLinePerEvent() {
        GeneratorSettings settings = GeneratorSettings.builder().events(3).build();
        StringBuilder expected = new StringBuilder();
        new ClickstreamGenerator(settings).forEachRemaining(e -> expected.append(ClickstreamCodec.encode(e)).append('\n'));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (StdoutSink sink = new StdoutSink(bytes)) {
            new ClickstreamGenerator(settings).writeTo(sink);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }

    @Test
    void bufferedUntilFlushed() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StdoutSink sink = new StdoutSink(bytes);
        sink.accept(null, "line");
        assertThat(bytes.size()).isZero();
        sink.flush();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("line\n");
    }

    @Test
    void aBrokenOutputIsReportedNotSwallowed() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        StdoutSink sink = new StdoutSink(broken);
        sink.accept(null, "line");
        assertThatThrownBy(sink::flush).isInstanceOf(UncheckedIOException.class).hasMessageContaining("broken pipe");
    }
}
