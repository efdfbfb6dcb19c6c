package lambdalab.course.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner every check goes through, with an exercise on plain numbers. */
class ExerciseChecksTest {

    private static final Exercise<Doubler> DOUBLE = new Exercise<>("99.double", "double a number", Doubler.class,
            n -> 2 * n, "here", attempt -> {
                if (attempt.twice(21) != 42) {
                    throw new WrongAnswer("21 doubled is 42, not " + attempt.twice(21));
                }
                return "21 doubled is 42";
            });

    @TempDir
    Path dir;

    interface Doubler {
        int twice(int n);
    }

    @AfterEach
    void noProgressFile() {
        System.clearProperty(ProgressLog.PROPERTY);
    }

    @Test
    void aMissingSolutionRunsTheReferenceSolutionAndSaysSo() {
        System.setProperty(ProgressLog.PROPERTY, dir.resolve("progress.tsv").toString());
        String outcome = ExerciseChecks.run(DOUBLE, n -> {
            throw new MissingSolutionException();
        }, "ide");

        assertThat(outcome).isEqualTo("not attempted yet: the reference solution ran (here): 21 doubled is 42");
        assertThat(ProgressLog.read(dir.resolve("progress.tsv"))).singleElement().satisfies(entry -> {
            assertThat(entry.module()).isEqualTo(99);
            assertThat(entry.what()).isEqualTo("99.double");
            assertThat(entry.result()).isEqualTo(ProgressLog.Result.SOLUTION_RAN);
            assertThat(entry.where()).isEqualTo("ide");
        });
    }

    @Test
    void aWrongAttemptFailsWithTheDiagnosisAndIsRecorded() {
        System.setProperty(ProgressLog.PROPERTY, dir.resolve("progress.tsv").toString());
        assertThatThrownBy(() -> ExerciseChecks.run(DOUBLE, n -> n + n + 1, "note"))
                .isInstanceOf(WrongAnswer.class)
                .hasMessage("99.double (double a number): 21 doubled is 42, not 43");
        assertThatThrownBy(() -> ExerciseChecks.run(DOUBLE, n -> n / 0, "note"))
                .isInstanceOf(WrongAnswer.class)
                .hasMessageContaining("running your implementation threw java.lang.ArithmeticException: / by zero");
        assertThat(ProgressLog.read(dir.resolve("progress.tsv"))).extracting(ProgressLog.Entry::result)
                .containsExactly(ProgressLog.Result.WRONG, ProgressLog.Result.WRONG);
    }

    @Test
    void aRightAttemptIsSolvedAndNothingIsWrittenWithoutAProgressFile() {
        assertThat(ExerciseChecks.run(DOUBLE, n -> n * 2, "ide")).isEqualTo("solved: 21 doubled is 42");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aLineCutShortIsSkippedAndTheOthersRead() throws Exception {
        Path file = dir.resolve("progress.tsv");
        System.setProperty(ProgressLog.PROPERTY, file.toString());
        ExerciseChecks.run(DOUBLE, n -> n * 2, "ide");
        java.nio.file.Files.writeString(file, "2026-12-02T00:00:00Z\t3\tcut", java.nio.file.StandardOpenOption.APPEND);
        List<ProgressLog.Entry> entries = ProgressLog.read(file);
        assertThat(entries).extracting(ProgressLog.Entry::result).containsExactly(ProgressLog.Result.SOLVED);
    }
}
