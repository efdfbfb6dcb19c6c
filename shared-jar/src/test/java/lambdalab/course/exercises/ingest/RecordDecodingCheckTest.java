package lambdalab.course.exercises.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import lambdalab.course.clickstream.ClickstreamCodec;
import lambdalab.course.exercises.ExerciseChecks;
import lambdalab.course.exercises.Exercises;
import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.WrongAnswer;
import lambdalab.course.speed.ParsedRecord;
import org.junit.jupiter.api.Test;

/** Exercise 06.dead-letters: the solution passes, each usual mistake fails with its diagnosis. */
class RecordDecodingCheckTest {

    private static final RecordDecoding SOLUTION = new RecordDecodingSolution();

    @Test
    void theSolutionPassesAndAMissingOneFallsBackToIt() {
        assertThat(ExerciseChecks.run(Exercises.DEAD_LETTERS, SOLUTION, "ide"))
                .startsWith("solved: ").contains("3 valid records and 6 bad ones");
        assertThat(ExerciseChecks.run(Exercises.DEAD_LETTERS, record -> {
            throw new MissingSolutionException();
        }, "ide")).startsWith("not attempted yet: the reference solution ran");
    }

    @Test
    void throwingOnABadRecordIsNamedAPoisonPill() {
        assertWrong(record -> {
            ParsedRecord parsed = SOLUTION.parse(record);
            return new ParsedRecord(parsed.partition(), parsed.offset(), parsed.producedAtMs(),
                    ClickstreamCodec.decode(parsed.valid() ? ClickstreamCodec.encode(parsed.event()) : "bad").orElseThrow(),
                    null, null);
        }, "(a poison pill)");
    }

    @Test
    void aTombstoneIsNamed() {
        assertWrong(record -> SOLUTION.parse(Objects.requireNonNull(record.value(), "value") == null ? null : record),
                "on a record without a value (a tombstone)");
    }

    @Test
    void changedBytesAreNamed() {
        assertWrong(record -> {
            ParsedRecord parsed = SOLUTION.parse(record);
            return parsed.valid() ? parsed : new ParsedRecord(parsed.partition(), parsed.offset(), parsed.producedAtMs(), null,
                    parsed.error(), new String(parsed.rejectedBytes(), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
        }, "the dead letter of bytes that are not UTF-8 holds other bytes than the record's");
    }

    @Test
    void aLostPositionIsNamed() {
        assertWrong(record -> {
            ParsedRecord parsed = SOLUTION.parse(record);
            return new ParsedRecord(0, 0, parsed.producedAtMs(), parsed.event(), parsed.error(), parsed.rejectedBytes());
        }, "lost its position (partition 0, offset 0 instead of 1, 100)");
    }

    @Test
    void droppingARecordIsNamed() {
        assertWrong(record -> {
            ParsedRecord parsed = SOLUTION.parse(record);
            return parsed.valid() ? parsed : null;
        }, "it returned null for a line of 3 fields");
    }

    private static void assertWrong(RecordDecoding attempt, String diagnosis) {
        assertThatThrownBy(() -> ExerciseChecks.run(Exercises.DEAD_LETTERS, attempt, "ide"))
                .isInstanceOf(WrongAnswer.class).hasMessageContaining(diagnosis);
    }
}
