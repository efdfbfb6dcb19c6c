package lambdalab.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ErrorTextTest {

    @Test
    void typeMessageAndAFewCausesWithoutStackTraces() {
        Exception error = new IllegalStateException("outer", new RuntimeException(new IOException("inner")));
        assertThat(ErrorText.describe(error)).isEqualTo("""
                java.lang.IllegalStateException: outer
                caused by: java.lang.RuntimeException: java.io.IOException: inner
                caused by: java.io.IOException: inner""");
    }

    @Test
    void aStackTraceInsideAMessageIsCut() {
        String sparkLike = "Job aborted due to stage failure: Task 1 failed: java.lang.IllegalArgumentException: bad\n"
                + "\tat Foo.bar(Foo.java:1)\n\tat Foo.baz(Foo.java:2)\n\nDriver stacktrace:\n\tat x";
        assertThat(ErrorText.shorten(sparkLike))
                .isEqualTo("Job aborted due to stage failure: Task 1 failed: java.lang.IllegalArgumentException: bad");
        assertThat(ErrorText.line("java.lang.NullPointerException", null)).isEqualTo("java.lang.NullPointerException");
    }
}
