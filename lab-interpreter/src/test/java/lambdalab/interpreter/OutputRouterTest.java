package lambdalab.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutputRouterTest {

    @Test
    void printsOfTheBoundThreadAndItsNewThreadsGoToTheTargetUntilTheBindingCloses() throws Exception {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        Thread later;
        try (OutputRouter.Binding binding = OutputRouter.bind(target)) {
            System.out.println("from the paragraph");
            Thread child = new Thread(() -> System.err.println("from its thread"));
            child.start();
            child.join();
            later = new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                System.out.println("after the paragraph");
            });
            later.start();
        }
        System.out.println("not bound");
        later.join();
        assertThat(target.toString(StandardCharsets.UTF_8)).isEqualTo("from the paragraph\nfrom its thread\n");
    }

    /** As LabCli does in the tests: System.out captured for a command, then set back. */
    @Test
    void aParagraphStillGetsItsOutputAfterSomethingReplacedSystemOut() {
        try (OutputRouter.Binding first = OutputRouter.bind(new ByteArrayOutputStream())) {
            System.out.println("installs the router");
        }
        PrintStream original = System.out;
        ByteArrayOutputStream elsewhere = new ByteArrayOutputStream();
        System.setOut(new PrintStream(elsewhere, true, StandardCharsets.UTF_8));
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        try (OutputRouter.Binding binding = OutputRouter.bind(target)) {
            System.out.println("from the paragraph");
        } finally {
            System.setOut(original);
        }
        assertThat(target.toString(StandardCharsets.UTF_8)).isEqualTo("from the paragraph\n");
        assertThat(elsewhere.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aPrintStreamToATargetWritesExactlyTheBytesGiven() {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        OutputRouter.printStream(target).print("héllo");
        assertThat(target.toString(StandardCharsets.UTF_8)).isEqualTo("héllo");
    }
}
