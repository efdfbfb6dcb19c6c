package lambdalab.lab.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import lambdalab.course.exercises.ProgressLog.Entry;
import lambdalab.course.exercises.ProgressLog.Result;
import org.junit.jupiter.api.Test;

class ProgressReportTest {

    private static final Instant T = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void everyModuleAndExerciseIsListedAndNothingRunSaysSo() {
        List<ProgressReport.Line> lines = ProgressReport.of(List.of());

        assertThat(lines).extracting(ProgressReport.Line::module).contains("01 Environment tour", "08 The serving layer");
        assertThat(lines).filteredOn(line -> line.what().startsWith("03.action-counts"))
                .singleElement().extracting(ProgressReport.Line::status).isEqualTo("not run yet");
    }

    @Test
    void theLearnersLatestOwnAttemptCountsOverALaterFallbackToTheSolution() {
        List<ProgressReport.Line> lines = ProgressReport.of(List.of(
                new Entry(T, 3, "03.action-counts", Result.WRONG, "ide", "every count is twice the truth"),
                new Entry(T.plusSeconds(60), 3, "03.action-counts", Result.SOLVED, "ide", "960 rows"),
                new Entry(T.plusSeconds(120), 3, "03.action-counts", Result.SOLUTION_RAN, "note", "960 rows"),
                new Entry(T.plusSeconds(60), 3, "03.raw-layout", Result.SOLUTION_RAN, "note", "3 folders")));

        assertThat(lines).filteredOn(line -> line.what().startsWith("03.action-counts")).singleElement()
                .satisfies(line -> {
                    assertThat(line.status()).isEqualTo("solved (ide)");
                    assertThat(line.when()).isEqualTo("2026-12-02 10:01");
                });
        assertThat(lines).filteredOn(line -> line.what().startsWith("03.raw-layout")).singleElement()
                .extracting(ProgressReport.Line::status).isEqualTo("not attempted: the reference solution ran (note)");
    }

    @Test
    void checksCountTheirLatestResultAndNameTheFailedOnes() {
        List<ProgressReport.Line> lines = ProgressReport.of(List.of(
                new Entry(T, 3, "rows equal the truth", Result.FAILED, "note", "expected 1, got 2"),
                new Entry(T.plusSeconds(1), 3, "a rerun changes nothing", Result.PASSED, "note", ""),
                new Entry(T.plusSeconds(2), 3, "no malformed lines", Result.FAILED, "note", ""),
                new Entry(T.plusSeconds(60), 3, "rows equal the truth", Result.PASSED, "note", "")));

        assertThat(lines).filteredOn(line -> line.module().isEmpty() && line.what().equals("checks of the note")
                        && line.when().equals("2026-12-02 10:01")).singleElement()
                .extracting(ProgressReport.Line::status).isEqualTo("2 of 3 passed; failed: no malformed lines");
        assertThat(ProgressReport.table(lines)).contains("MODULE").contains("2 of 3 passed");
    }
}
