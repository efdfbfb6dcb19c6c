package lambdalab.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
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

    @Test
    void aPrintStreamToATargetWritesExactlyTheBytesGiven() {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        OutputRouter.printStream(target).print("héllo");
        assertThat(target.toString(StandardCharsets.UTF_8)).isEqualTo("héllo");
    }
}
