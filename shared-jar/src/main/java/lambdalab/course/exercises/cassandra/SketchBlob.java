package lambdalab.course.exercises.cassandra;

import java.io.Serializable;
import java.nio.ByteBuffer;

/**
 * Exercise 07.sketch-blob: a {@code blob} column as the Cassandra driver returns it (a
 * {@link ByteBuffer}, or null for no value) turned into the sketch's bytes, exactly the bytes the
 * column holds, without disturbing the buffer (the driver's row may be read again).
 */
@FunctionalInterface
public interface SketchBlob extends Serializable {

    byte[] bytes(ByteBuffer blob);
}
