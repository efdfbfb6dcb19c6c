package lambdalab.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML page of an executed note: code escaped, results in Zeppelin's kinds, status per paragraph. */
class NoteHtmlTest {

    @TempDir
    Path dir;

    @Test
    void rendersCodeTablesTextAndHtmlResults() throws IOException {
        Path file = dir.resolve("n_2HTML0001.zpln");
        Files.writeString(file, """
                {"id": "2HTML0001", "name": "Tour <1>", "paragraphs": [
                  {"id": "a", "text": "%md\\n# Hi", "status": "FINISHED",
                   "results": {"code": "SUCCESS", "msg": [{"type": "HTML", "data": "<h1>Hi</h1>"}]}},
                  {"id": "b", "title": "Sum", "text": "%lab.sql\\nSELECT 1 < 2 AS yes", "status": "FINISHED",
                   "dateStarted": "2026-01-01T00:00:00+0000", "dateFinished": "2026-01-01T00:00:01+0000",
                   "results": {"code": "SUCCESS", "msg": [{"type": "TABLE", "data": "yes\\ttext\\ntrue\\t<b>\\n"}]}},
                  {"id": "c", "text": "%lab.java\\nthrow new Error();", "status": "ERROR",
                   "results": {"code": "ERROR", "msg": [{"type": "TEXT", "data": "java.lang.Error"}]}}
                ]}
                """);

        String html = NoteHtml.render(NoteFile.read(file));

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>Tour &lt;1&gt;</title>")
                .contains("<h1>Hi</h1>").doesNotContain("<pre class=\"code\"># Hi")
                .contains("<h3>Sum</h3>").contains("<pre class=\"code\">SELECT 1 &lt; 2 AS yes</pre>")
                .contains("<tr><th>yes</th><th>text</th></tr>").contains("<tr><td>true</td><td>&lt;b&gt;</td></tr>")
                .contains("2026-01-01T00:00:00+0000 to 2026-01-01T00:00:01+0000")
                .contains("<div class=\"paragraph ERROR\" id=\"c\">").contains("<pre>java.lang.Error</pre>");
    }
}
