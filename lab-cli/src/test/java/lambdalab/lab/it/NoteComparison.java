package lambdalab.lab.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import lambdalab.interpreter.NoteFile;

/**
 * Two executed copies of one note compared paragraph by paragraph: the same status, and the same tables
 * (Zeppelin's TABLE results): the same columns, and the same rows in any order, times aside (a date-time or
 * a clock time in a cell reads as {@code <time>}). The tables of the paragraphs in {@link #RUN_DEPENDENT}
 * differ from one run to the next on the same lab whoever runs them (measured: two runs of every note, in
 * this JVM and over Zeppelin's protocol): only their status is compared (a listing of what earlier notes
 * left shows no table at all when they left nothing). Texts are not compared: they hold durations and
 * memory figures.
 */
final class NoteComparison {

    /** A paragraph whose table cells depend on the run, by note (file name start) and title. */
    record RunDependent(String note, String title, String why) {
    }

    static final List<RunDependent> RUN_DEPENDENT = List.of(
            new RunDependent("01", "Kafka: the broker and its topics", "lists the topics earlier notes created"),
            new RunDependent("01", "Cassandra: release and keyspaces", "lists the keyspaces earlier notes created"),
            new RunDependent("02", "Read them back from Kafka with Spark", "the first rows of a read of several partitions"),
            new RunDependent("04", "Declare the stream, start it, feed it", "events per second of a live stream"),
            new RunDependent("04", "Stop gracefully, feed while down, restart from the checkpoint",
                    "events per second of a live stream"),
            new RunDependent("06", "Five bad records into the topic, and what the dead-letter topic holds",
                    "Kafka offsets, which go on from the topic's earlier records"),
            new RunDependent("09", "A few records", "readings in buckets of the wall clock"),
            new RunDependent("09", "The speed layer against the truth", "readings in buckets of the wall clock"),
            new RunDependent("09", "One second, averaged two ways", "readings in buckets of the wall clock"),
            new RunDependent("11", "A day of the note's own, and the checkpoint folder",
                    "Spark's checkpoint files, named by batch time and random ids, and their sizes"),
            new RunDependent("11", "How big the state is, per group", "the sizes of the state Spark checkpointed last"));

    private static final java.util.regex.Pattern TIME = java.util.regex.Pattern.compile(
            "(\\d{4}-\\d\\d-\\d\\d[T ])?\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:?\\d\\d)?");

    /** One paragraph that differs, and how. */
    record Difference(int index, String paragraphId, String title, String what) {
        @Override
        public String toString() {
            return "paragraph " + (index + 1) + " (" + (title.isBlank() ? paragraphId : title) + "): " + what;
        }
    }

    private NoteComparison() {
    }

    /** @param noteFile the note's file name, which says which of its paragraphs are run-dependent */
    static List<Difference> compare(String noteFile, NoteFile expected, NoteFile actual) {
        List<ObjectNode> left = expected.paragraphs();
        List<ObjectNode> right = actual.paragraphs();
        List<Difference> differences = new ArrayList<>();
        if (left.size() != right.size()) {
            differences.add(new Difference(0, "", "", left.size() + " paragraphs against " + right.size()));
            return differences;
        }
        for (int i = 0; i < left.size(); i++) {
            compare(noteFile, i, left.get(i), right.get(i)).ifPresent(differences::add);
        }
        return differences;
    }

    private static java.util.Optional<Difference> compare(String noteFile, int index, ObjectNode left, ObjectNode right) {
        String id = left.path("id").asText("");
        String title = left.path("title").asText("");
        boolean cells = !runDependent(noteFile, title);
        String what = null;
        if (!id.equals(right.path("id").asText(""))) {
            what = "id " + id + " against " + right.path("id").asText("");
        } else if (!left.path("status").asText("").equals(right.path("status").asText(""))) {
            what = "status " + left.path("status").asText("") + " against " + right.path("status").asText("");
        } else if (!tables(left, cells).equals(tables(right, cells))) {
            what = "tables differ:\n" + String.join("\n", tables(left, cells)) + "\n--- against ---\n"
                    + String.join("\n", tables(right, cells));
        }
        return java.util.Optional.ofNullable(what).map(text -> new Difference(index, id, title, text));
    }

    static boolean runDependent(String noteFile, String title) {
        return RUN_DEPENDENT.stream().anyMatch(paragraph -> noteFile.startsWith(paragraph.note())
                && paragraph.title().equals(title));
    }

    /** Each table as its header, then its rows sorted, times masked; none without {@code cells}. */
    private static List<String> tables(JsonNode paragraph, boolean cells) {
        List<String> tables = new ArrayList<>();
        paragraph.path("results").path("msg").forEach(message -> {
            if (cells && "TABLE".equals(message.path("type").asText())) {
                List<String> lines = TIME.matcher(message.path("data").asText()).replaceAll("<time>").lines().toList();
                if (lines.isEmpty()) {
                    tables.add("");
                } else {
                    tables.add(lines.get(0) + "\n" + String.join("\n", lines.subList(1, lines.size()).stream()
                            .sorted().toList()));
                }
            }
        });
        return tables;
    }
}
