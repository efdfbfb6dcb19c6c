package lambdalab.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jdk.jshell.JShell;
import jdk.jshell.execution.LocalExecutionControlProvider;
import org.junit.jupiter.api.Test;

class SourceSnippetTest {

    @Test
    void aParagraphSplitsIntoSnippetsWithTheirOffsets() {
        String paragraph = "// setup\nint a = 1;\n\nint b = a +\n  1\nvoid m() { }";
        List<SourceSnippet> snippets;
        try (JShell shell = JShell.builder().executionEngine(new LocalExecutionControlProvider(), Map.of()).build()) {
            snippets = SourceSnippet.split(shell.sourceCodeAnalysis(), paragraph);
        }
        // the missing semicolon after "1" is for the compiler to report, not the splitter
        assertThat(snippets).extracting(snippet -> snippet.source().strip())
                .containsExactly("// setup\nint a = 1;", "int b = a +\n  1\nvoid m() { };");
        assertThat(snippets.get(1).offset()).isEqualTo(paragraph.indexOf("\n\nint b"));
        assertThat(snippets.get(1).paragraphLine(paragraph, 2)).as("JShell counts from the first code line")
                .isEqualTo(5);
    }

    @Test
    void codeStartsAfterBlanksAndComments() {
        assertThat(SourceSnippet.codeStart("\n  // a\n /* b */ x")).isEqualTo(17);
        assertThat(SourceSnippet.lineOf("a\nb\nc", 4)).isEqualTo(3);
    }
}
