package lambdalab.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless runner on a tiny note: every kind of paragraph, a failure, and what it writes. */
class NoteRunnerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void runsParagraphsInOrderStopsAtTheFirstFailureAndRecordsResults() throws IOException {
        Path notePath = note(
                paragraph("p1", "%md\n# Tour\nThe *lab*.", true),
                paragraph("p2", "%lab.java\nint answer = 21;", true),
                paragraph("p3", "answer * 2", true),
                paragraph("p4", "%sh\necho from bash; pwd", true),
                paragraph("p5", "%lab.sql\nSELECT 1 AS one", true),
                paragraph("p6", "%lab.java\nSystem.out.println(\"skipped\");", false),
                paragraph("p7", "%lab.java\nthrow new IllegalStateException(\"check failed: 3 != 4\");", true),
                paragraph("p8", "%lab.java\nSystem.out.println(\"after the failure\");", true));
        Properties properties = new Properties();
        properties.setProperty(LabInterpreterSettings.HDFS_URI, "file:///");
        properties.setProperty(ShellInterpreter.WORKING_DIRECTORY, dir.toString());
        List<ParagraphOutcome> reported = new ArrayList<>();
        NoteFile note = NoteFile.read(notePath);
        List<ParagraphOutcome> outcomes;
        try (NoteRunner runner = new NoteRunner(properties)) {
            outcomes = runner.run(note, reported::add);
        }

        assertThat(reported).isEqualTo(outcomes);
        assertThat(outcomes).extracting(ParagraphOutcome::status).containsExactly("FINISHED", "FINISHED",
                "FINISHED", "FINISHED", "FINISHED", "SKIPPED", "ERROR", "SKIPPED");
        assertThat(outcomes.get(0).text()).contains("<h1>Tour</h1>").contains("<em>lab</em>");
        assertThat(outcomes.get(2).text()).contains("==> 42");
        assertThat(outcomes.get(3).text()).isEqualTo("from bash\n" + dir.toRealPath() + "\n");
        assertThat(outcomes.get(6).text()).contains("java.lang.IllegalStateException: check failed: 3 != 4");

        Path executed = dir.resolve("out/note.zpln");
        note.write(executed);
        JsonNode written = JSON.readTree(executed.toFile());
        JsonNode sql = written.path("paragraphs").get(4);
        assertThat(sql.path("status").asText()).isEqualTo("FINISHED");
        assertThat(sql.path("results").path("code").asText()).isEqualTo("SUCCESS");
        assertThat(sql.path("results").path("msg").get(0).path("type").asText()).isEqualTo("TABLE");
        assertThat(sql.path("results").path("msg").get(0).path("data").asText()).isEqualTo("one\n1\n");
        assertThat(sql.path("dateFinished").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0000");
        assertThat(written.path("paragraphs").get(6).path("results").path("code").asText()).isEqualTo("ERROR");
        assertThat(written.path("paragraphs").get(7).path("status").asText()).isEqualTo("READY");
        assertThat(written.path("paragraphs").get(7).has("results")).isFalse();
        assertThat(written.path("info").path("kept").asText()).as("fields the runner does not know").isEqualTo("yes");
    }

    @Test
    void aFailingShellCommandAndAnUnknownInterpreterFailTheirParagraph() throws IOException {
        Path notePath = note(paragraph("s1", "%sh\necho partial; exit 3", true));
        Path other = note(paragraph("u1", "%python\nprint(1)", true));
        try (NoteRunner runner = new NoteRunner(new Properties())) {
            ParagraphOutcome shell = runner.run(NoteFile.read(notePath), outcome -> { }).get(0);
            assertThat(shell.status()).isEqualTo("ERROR");
            assertThat(shell.text()).isEqualTo("partial\nExit code 3.");
            ParagraphOutcome unknown = runner.run(NoteFile.read(other), outcome -> { }).get(0);
            assertThat(unknown.status()).isEqualTo("ERROR");
            assertThat(unknown.text()).contains("No interpreter %python").contains("%lab.java");
        }
    }

    private Path note(ObjectNode... paragraphs) throws IOException {
        ObjectNode note = JSON.createObjectNode();
        note.put("id", "2TEST0001").put("name", "Test note").put("defaultInterpreterGroup", "lab");
        note.putObject("info").put("kept", "yes");
        ArrayNode list = note.putArray("paragraphs");
        for (ObjectNode paragraph : paragraphs) {
            list.add(paragraph);
        }
        Path file = Files.createTempFile(dir, "note", ".zpln");
        JSON.writeValue(file.toFile(), note);
        return file;
    }

    private static ObjectNode paragraph(String id, String text, boolean enabled) {
        ObjectNode paragraph = JSON.createObjectNode().put("id", id).put("text", text);
        paragraph.putObject("config").put("enabled", enabled);
        return paragraph;
    }
}
