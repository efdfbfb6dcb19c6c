package lambdalab.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParagraphTextTest {

    @Test
    void theFirstTokenNamesTheInterpreter() {
        assertThat(ParagraphText.parse("%lab.sql\nSELECT 1", "lab.java"))
                .isEqualTo(new ParagraphText("lab.sql", "SELECT 1"));
        assertThat(ParagraphText.parse("  %md # Title", "lab.java")).isEqualTo(new ParagraphText("md", "# Title"));
        assertThat(ParagraphText.parse("%lab.cql(maxRows=5)\nSELECT *", "lab.java"))
                .isEqualTo(new ParagraphText("lab.cql", "SELECT *"));
    }

    @Test
    void withoutOneTheDefaultInterpreterTakesTheWholeText() {
        assertThat(ParagraphText.parse("int x = 5 % 2;", "lab.java"))
                .isEqualTo(new ParagraphText("lab.java", "int x = 5 % 2;"));
        assertThat(ParagraphText.parse(null, "lab.java")).isEqualTo(new ParagraphText("lab.java", ""));
    }
}
