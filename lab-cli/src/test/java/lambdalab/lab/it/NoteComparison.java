package lambdalab.lab.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import lambdalab.interpreter.NoteFile;

/**
 * Two executed copies of one note compared paragraph by paragraph: the same status and the same tables
 * (Zeppelin's TABLE results, cell for cell, times aside: a date-time in a cell reads as {@code <time>}).
 * Texts are not compared: they hold durations and memory figures.
 */
final class NoteComparison {

    private static final java.util.regex.Pattern TIME =
            java.util.regex.Pattern.compile("\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?(Z|[+-]\\d\\d:?\\d\\d)?");

    /** One paragraph that differs, and how. */
    record Difference(int index, String paragraphId, String title, String what) {
        @Override
        public String toString() {
            return "paragraph " + (index + 1) + " (" + (title.isBlank() ? paragraphId : title) + "): " + what;
        }
    }

    private NoteComparison() {
    }

    static List<Difference> compare(NoteFile expected, NoteFile actual) {
        List<ObjectNode> left = expected.paragraphs();
        List<ObjectNode> right = actual.paragraphs();
        List<Difference> differences = new ArrayList<>();
        if (left.size() != right.size()) {
            differences.add(new Difference(0, "", "", left.size() + " paragraphs against " + right.size()));
            return differences;
        }
        for (int i = 0; i < left.size(); i++) {
            compare(i, left.get(i), right.get(i)).ifPresent(differences::add);
        }
        return differences;
    }

    private static java.util.Optional<Difference> compare(int index, ObjectNode left, ObjectNode right) {
        String id = left.path("id").asText("");
        String title = left.path("title").asText("");
        String what = null;
        if (!id.equals(right.path("id").asText(""))) {
            what = "id " + id + " against " + right.path("id").asText("");
        } else if (!left.path("status").asText("").equals(right.path("status").asText(""))) {
            what = "status " + left.path("status").asText("") + " against " + right.path("status").asText("");
        } else if (!tables(left).equals(tables(right))) {
            what = "tables differ:\n" + String.join("\n", tables(left)) + "\n--- against ---\n"
                    + String.join("\n", tables(right));
        }
        return java.util.Optional.ofNullable(what).map(text -> new Difference(index, id, title, text));
    }

    private static List<String> tables(JsonNode paragraph) {
        List<String> tables = new ArrayList<>();
        paragraph.path("results").path("msg").forEach(message -> {
            if ("TABLE".equals(message.path("type").asText())) {
                tables.add(TIME.matcher(message.path("data").asText()).replaceAll("<time>"));
            }
        });
        return tables;
    }
}
