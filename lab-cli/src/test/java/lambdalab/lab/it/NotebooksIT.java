package lambdalab.lab.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import lambdalab.course.exercises.Exercise;
import lambdalab.course.exercises.Exercises;
import lambdalab.interpreter.NoteFile;
import lambdalab.lab.settings.RepoLayout;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * `lab notebooks run` against the test lab: every note the course ships runs green (their check
 * paragraphs compare with exact ground truths), then runs again over Zeppelin's protocol with the same
 * statuses and tables, paragraph by paragraph (see {@link NoteComparison}); a failing paragraph fails
 * the run and is reported. The course's data is wiped before each of the two runs, so both start from
 * the same state (a note need not give the same tables when run twice: note 01 lists what others left).
 */
@ExtendWith(TestLab.Extension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotebooksIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The executed notes of the in-process run, which the run over Zeppelin's protocol is compared with. */
    @TempDir
    static Path inProcess;

    @TempDir
    Path out;

    @Test
    @Order(1)
    void everyShippedNoteRunsWithoutErrors(TestLab testLab) throws Exception {
        List<Path> shipped = shippedNotes();
        assertThat(shipped).as("the course's notes").hasSizeGreaterThanOrEqualTo(3);

        testLab.wipeCourseData();
        LabCli.Run run = LabCli.run(testLab.lab(), "notebooks", "run", "--out", inProcess.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("All " + shipped.size() + " notes ran without errors.");
        for (Path note : shipped) {
            JsonNode executed = JSON.readTree(inProcess.resolve(note.getFileName()).toFile());
            List<String> statuses = new ArrayList<>();
            executed.path("paragraphs").forEach(paragraph -> statuses.add(paragraph.path("status").asText()));
            assertThat(statuses).as(note.getFileName().toString()).isNotEmpty().containsOnly("FINISHED");
            String html = Files.readString(inProcess.resolve(note.getFileName().toString().replace(".zpln", ".html")));
            assertThat(html).contains("<h1>" + executed.path("name").asText() + "</h1>").contains("ok: ");
        }
        StringBuilder pages = new StringBuilder();
        for (Path note : shipped) {
            pages.append(Files.readString(inProcess.resolve(note.getFileName().toString().replace(".zpln", ".html"))));
        }
        for (Exercise<?> exercise : Exercises.all()) {
            assertThat(pages).as("exercise " + exercise.id() + " as shipped in its note: the reference solution ran")
                    .contains(exercise.id() + ": not attempted yet: the reference solution ran");
        }
        // another test of this class records a wrong attempt in the same lab: only the checks are compared here
        Map<String, String> checks = checksByModule(LabCli.run(testLab.lab(), "progress").output());
        for (Path note : shipped) {
            String module = note.getFileName().toString().substring(0, 2);
            assertThat(checks.get(module)).as("module " + module + "'s checks").matches("(\\d+) of \\1 passed");
        }
    }

    /**
     * The `%lab.*` paragraphs in Zeppelin's own interpreter process, over its Thrift protocol
     * (`--zeppelin-protocol`): every paragraph has the status and the tables it had in this JVM.
     */
    @Test
    @Order(2)
    void everyShippedNoteGivesTheSameStatusesAndTablesOverZeppelinsProtocol(TestLab testLab) throws Exception {
        List<Path> shipped = shippedNotes();
        assertThat(shipped).as("notes the in-process run (the test before) executed")
                .allMatch(note -> Files.exists(inProcess.resolve(note.getFileName())));
        Path overProtocol = out.resolve("zeppelin-protocol");

        testLab.wipeCourseData();
        LabCli.Run run = LabCli.run(testLab.lab(), "notebooks", "run", "--zeppelin-protocol", "--out",
                overProtocol.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        List<String> differences = new ArrayList<>();
        for (Path note : shipped) {
            String file = note.getFileName().toString();
            NoteComparison.compare(file, NoteFile.read(inProcess.resolve(file)), NoteFile.read(overProtocol.resolve(file)))
                    .forEach(difference -> differences.add(file + ": " + difference));
        }
        assertThat(differences).as("paragraphs that differ in status or tables").isEmpty();
        long tables = shipped.stream().mapToLong(note -> tableParagraphs(inProcess.resolve(note.getFileName()), false)).sum();
        long runDependent = shipped.stream().mapToLong(note -> tableParagraphs(inProcess.resolve(note.getFileName()), true)).sum();
        System.out.println("Compared " + shipped.size() + " notes both ways: every paragraph's status, and the "
                + "tables of " + tables + " paragraphs (" + runDependent + " more show tables that depend on the run).");
    }

    /** How many paragraphs of an executed note show a table, run-dependent ones or the others. */
    private static long tableParagraphs(Path executed, boolean runDependent) {
        String file = executed.getFileName().toString();
        try {
            return NoteFile.read(executed).paragraphs().stream()
                    .filter(paragraph -> NoteComparison.runDependent(file, paragraph.path("title").asText("")) == runDependent)
                    .filter(paragraph -> paragraph.path("results").path("msg").findValuesAsText("type").contains("TABLE"))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status of each module's "checks of the note" line of `lab progress`, by module number. */
    private static Map<String, String> checksByModule(String progress) {
        Map<String, String> checks = new HashMap<>();
        String module = null;
        for (String line : progress.lines().toList()) {
            if (line.matches("\\d\\d .*")) {
                module = line.substring(0, 2);
            }
            Matcher status = Pattern.compile("checks of the note +(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d)? +(.*)$").matcher(line);
            if (module != null && status.find()) {
                checks.put(module, status.group(2).strip());
            }
        }
        return checks;
    }

    @Test
    void aWrongExerciseAttemptFailsWithItsDiagnosisAndShowsInTheProgress(TestLab testLab) throws IOException {
        Path note = out.resolve("03 An attempt_2TESTEXERCISE.zpln");
        Files.writeString(note, """
                {"id": "2TESTEXERCISE", "name": "03 An attempt", "defaultInterpreterGroup": "lab", "paragraphs": [
                  {"id": "p1", "title": "attempt", "text": "%lab.java\\nActionCounting mine = events -> events.groupBy(\\"product\\", \\"timestamp_hour\\").agg(count(lit(1)).as(\\"purchase_count\\"), count(lit(1)).as(\\"add_to_cart_count\\"), count(lit(1)).as(\\"page_view_count\\"));\\nExercises.check(Exercises.ACTION_COUNTS, mine);", "config": {}}
                ]}
                """);

        LabCli.Run run = LabCli.run(testLab.lab(), "notebooks", "run", note.toString(), "--out",
                out.resolve("runs").toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("03.action-counts (count each action per product and hour): every count "
                + "equals the group's number of events");
        assertThat(LabCli.run(testLab.lab(), "progress").output())
                .containsPattern("03\\.action-counts: .*wrong: every count equals the group's number of events");
    }

    @Test
    void aFailingParagraphFailsTheRunAndIsReported(TestLab testLab) throws IOException {
        Path note = out.resolve("Failing note_2TESTFAIL.zpln");
        Files.writeString(note, """
                {"id": "2TESTFAIL", "name": "Failing note", "defaultInterpreterGroup": "lab", "paragraphs": [
                  {"id": "p1", "title": "fine", "text": "%lab.java\\nint total = 2 + 2;", "config": {}},
                  {"id": "p2", "title": "wrong", "text": "%lab.java\\ncheckEquals(5, total, \\"the total\\");", "config": {}},
                  {"id": "p3", "title": "after", "text": "%lab.sql\\nSELECT 1", "config": {}}
                ]}
                """);

        LabCli.Run run = LabCli.run(testLab.lab(), "notebooks", "run", note.toString(), "--out",
                out.resolve("runs").toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output())
                .containsPattern("\\[ 1/3\\] FINISHED .* fine")
                .containsPattern("\\[ 2/3\\] ERROR .* wrong")
                .contains("Check failed: the total: expected 5, got 4")
                .containsPattern("\\[ 3/3\\] SKIPPED .* after")
                .contains("1 of 1 notes failed");
        JsonNode executed = JSON.readTree(out.resolve("runs").resolve(note.getFileName()).toFile());
        assertThat(executed.path("paragraphs").get(1).path("results").path("code").asText()).isEqualTo("ERROR");
    }

    @Test
    void anUnknownNoteNameIsRefusedWithTheNotesThatExist(TestLab testLab) {
        LabCli.Run run = LabCli.run(testLab.lab(), "notebooks", "run", "99");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("No note file or note starting with '99'").contains("01 Environment tour");
    }

    private static List<Path> shippedNotes() throws IOException {
        try (Stream<Path> files = Files.list(RepoLayout.fromSystemProperty().root().resolve("notebooks"))) {
            return files.filter(file -> file.toString().endsWith(".zpln")).sorted().toList();
        }
    }
}
