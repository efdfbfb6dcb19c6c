package lambdalab.lab.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import lambdalab.lab.settings.RepoLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * `lab notebooks run` against the test lab: every note the course ships runs green (their check
 * paragraphs compare with exact ground truths), and a failing paragraph fails the run and is reported.
 */
@ExtendWith(TestLab.Extension.class)
class NotebooksIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    @Test
    void everyShippedNoteRunsWithoutErrors(TestLab testLab) throws IOException {
        List<Path> shipped = shippedNotes();
        assertThat(shipped).as("the course's notes").hasSizeGreaterThanOrEqualTo(3);

        LabCli.Run run = LabCli.run(testLab.lab(), "notebooks", "run", "--out", out.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("All " + shipped.size() + " notes ran without errors.");
        for (Path note : shipped) {
            JsonNode executed = JSON.readTree(out.resolve(note.getFileName()).toFile());
            List<String> statuses = new ArrayList<>();
            executed.path("paragraphs").forEach(paragraph -> statuses.add(paragraph.path("status").asText()));
            assertThat(statuses).as(note.getFileName().toString()).isNotEmpty().containsOnly("FINISHED");
            String html = Files.readString(out.resolve(note.getFileName().toString().replace(".zpln", ".html")));
            assertThat(html).contains("<h1>" + executed.path("name").asText() + "</h1>").contains("ok: ");
        }
        StringBuilder pages = new StringBuilder();
        for (Path note : shipped) {
            pages.append(Files.readString(out.resolve(note.getFileName().toString().replace(".zpln", ".html"))));
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
