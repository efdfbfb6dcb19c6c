package lambdalab.course.exercises.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import lambdalab.course.exercises.ExerciseChecks;
import lambdalab.course.exercises.Exercises;
import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.WrongAnswer;
import org.junit.jupiter.api.Test;

/** Exercise 07.sketch-blob: the solution passes, each usual mistake fails with its diagnosis. */
class SketchBlobCheckTest {

    @Test
    void theSolutionPassesAndAMissingOneFallsBackToIt() {
        assertThat(ExerciseChecks.run(Exercises.SKETCH_BLOB, new SketchBlobSolution(), "ide"))
                .startsWith("solved: ").contains("read-only and direct buffers");
        assertThat(ExerciseChecks.run(Exercises.SKETCH_BLOB, blob -> {
            throw new MissingSolutionException();
        }, "ide")).startsWith("not attempted yet: the reference solution ran");
    }

    @Test
    void theWholeBackingArrayIsNamed() {
        assertWrong(blob -> blob == null ? new byte[0] : blob.array(),
                "a sketch inside a larger response buffer: 80 bytes where the blob holds 40: the buffer's whole backing array");
    }

    @Test
    void aReadOnlyBufferIsNamed() {
        assertWrong(blob -> blob == null ? new byte[0] : java.util.Arrays.copyOfRange(blob.array(),
                        blob.arrayOffset() + blob.position(), blob.arrayOffset() + blob.limit()),
                "a read-only buffer: java.nio.ReadOnlyBufferException. A read-only or direct buffer has no array");
    }

    @Test
    void aMovedPositionIsNamed() {
        assertWrong(blob -> {
            if (blob == null) {
                return new byte[0];
            }
            byte[] bytes = new byte[blob.remaining()];
            blob.get(bytes);
            return bytes;
        }, "the buffer's position moved from 0 to 40");
    }

    @Test
    void noValueIsNamed() {
        assertWrong(blob -> {
            byte[] bytes = new byte[blob.remaining()];
            blob.duplicate().get(bytes);
            return bytes;
        }, "A blob column without a value comes back as null");
    }

    private static void assertWrong(SketchBlob attempt, String diagnosis) {
        assertThatThrownBy(() -> ExerciseChecks.run(Exercises.SKETCH_BLOB, attempt, "ide"))
                .isInstanceOf(WrongAnswer.class).hasMessageContaining(diagnosis);
    }
}
