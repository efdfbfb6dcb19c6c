package lambdalab.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** `lab shell`'s loop on scripted input: snippets over several lines, tables, errors, commands. */
class TerminalShellTest {

    @Test
    void readsSnippetsOverSeveralLinesAndPrintsValuesTablesAndErrors() throws IOException {
        String input = """
                int twice(int n) {
                    return 2 * n;
                }
                twice(21)
                /help
                show(List.of(new TreeMap<>(Map.of("product", "A,B", "views", 12))));
                undefinedName + 1
                spark.range(10).filter("id % 2 = 0").count()
                /exit
                System.out.println("never read");
                """;
        Properties properties = new Properties();
        properties.setProperty(LabInterpreterSettings.HDFS_URI, "file:///");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
             TerminalShell shell = TerminalShell.open(properties)) {
            System.setOut(out); // show() prints to System.out, like a snippet's own prints
            shell.run(new BufferedReader(new StringReader(input)), out, true);
        } finally {
            System.setOut(originalOut);
        }
        String text = printed.toString(StandardCharsets.UTF_8);

        assertThat(text).contains(TerminalShell.CONTINUATION).contains("==> 42")
                .contains("/exit    leave")
                .contains("product  views\n--------------\nA,B      12\n")
                .doesNotContain("%table")
                .contains("cannot find symbol")
                .containsPattern("\\$\\d+ ==> 5\n")
                .doesNotContain("never read");
    }
}
