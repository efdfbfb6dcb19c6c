package lambdalab.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.zeppelin.interpreter.InterpreterResultMessage;

/**
 * A Zeppelin note ({@code .zpln}, Zeppelin 0.10+ JSON) as a JSON tree: read, its paragraphs, their
 * results written in Zeppelin's own shape, written back. Fields the runner does not know are kept.
 */
public final class NoteFile {

    /** Zeppelin's date format in notes. */
    private static final DateTimeFormatter DATES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode note;

    private NoteFile(ObjectNode note) {
        this.note = note;
    }

    public static NoteFile read(Path file) throws IOException {
        JsonNode tree = JSON.readTree(file.toFile());
        if (!(tree instanceof ObjectNode object) || !tree.path("paragraphs").isArray()) {
            throw new IOException(file + " is not a Zeppelin note: no \"paragraphs\" array");
        }
        return new NoteFile(object);
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), note);
    }

    public String id() {
        return note.path("id").asText("");
    }

    public String name() {
        return note.path("name").asText(id());
    }

    /** The interpreter of paragraphs that name none: the note's default group's default, else %lab.java. */
    public String defaultInterpreter() {
        String group = note.path("defaultInterpreterGroup").asText("lab");
        return group.equals("lab") ? "lab.java" : group;
    }

    public List<ObjectNode> paragraphs() {
        List<ObjectNode> paragraphs = new ArrayList<>();
        note.path("paragraphs").forEach(paragraph -> paragraphs.add((ObjectNode) paragraph));
        return paragraphs;
    }

    /** Records a paragraph's run the way Zeppelin saves it: status, dates and results. */
    static void recordRun(ObjectNode paragraph, ParagraphOutcome outcome, Instant started, Instant finished) {
        paragraph.put("status", outcome.status());
        paragraph.put("dateStarted", DATES.format(started));
        paragraph.put("dateFinished", DATES.format(finished));
        ObjectNode results = paragraph.putObject("results");
        results.put("code", outcome.failed() ? "ERROR" : "SUCCESS");
        ArrayNode messages = results.putArray("msg");
        for (InterpreterResultMessage message : outcome.messages()) {
            messages.addObject().put("type", message.getType().name()).put("data", message.getData());
        }
    }

    /** A paragraph that did not run: no results, as in a note that was never run. */
    static void recordNotRun(ObjectNode paragraph) {
        paragraph.put("status", "READY");
        paragraph.remove(List.of("results", "dateStarted", "dateFinished"));
    }
}
