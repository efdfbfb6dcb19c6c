package lambdalab.course.exercises.cassandra;

import java.nio.ByteBuffer;

/**
 * The reference solution of {@link SketchBlob}, the one the serving layer and the speed layer's
 * recovery read sketches with: the buffer's remaining bytes, copied from a duplicate (its own
 * position, the caller's untouched). Never {@code array()}: that is the whole backing array, which
 * the driver shares between the values of a response, and a read-only buffer has none.
 */
public final class SketchBlobSolution implements SketchBlob {

    @Override
    public byte[] bytes(ByteBuffer blob) {
        if (blob == null) {
            return new byte[0];
        }
        byte[] bytes = new byte[blob.remaining()];
        blob.duplicate().get(bytes);
        return bytes;
    }
}
