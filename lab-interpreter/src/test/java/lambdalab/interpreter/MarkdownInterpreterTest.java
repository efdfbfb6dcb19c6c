package lambdalab.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.apache.zeppelin.interpreter.InterpreterContext;
import org.apache.zeppelin.interpreter.InterpreterResult;
import org.junit.jupiter.api.Test;

class MarkdownInterpreterTest {

    @Test
    void gitHubStyleTablesRenderAsTablesAsInZeppelin() {
        InterpreterResult result = new MarkdownInterpreter(new Properties()).interpret(
                "| service | port |\n|---|---|\n| Kafka | 9092 |\n", InterpreterContext.builder().build());

        assertThat(result.message().get(0).getData()).contains("<table>").contains("<th>service</th>")
                .contains("<td>9092</td>").doesNotContain("|");
    }
}
