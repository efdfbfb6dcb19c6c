package lambdalab.exercises.cassandra;

import java.nio.ByteBuffer;
import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.cassandra.SketchBlob;

/**
 * Exercise 07.sketch-blob (note 07, "Cassandra"): the bytes of a blob column as the driver returns
 * it (a ByteBuffer, or null), without moving the buffer. Run SketchBlobExerciseTest to check it; the
 * hints are in the note, the solution in the shared jar (SketchBlobSolution).
 */
public class SketchBlobExercise implements SketchBlob {

    @Override
    public byte[] bytes(ByteBuffer blob) {
        throw new MissingSolutionException();
    }
}
