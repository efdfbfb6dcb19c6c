package lambdalab.course.exercises.cassandra;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import lambdalab.course.exercises.Check;
import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.WrongAnswer;
import lambdalab.course.sketches.VisitorSketches;

/**
 * Checks a {@link SketchBlob} on blobs as the driver hands them out: a sketch inside a larger
 * response buffer (position and limit around it), read-only, direct, empty and null. The bytes must
 * be the sketch's, the buffer untouched.
 */
public final class SketchBlobCheck implements Check<SketchBlob> {

    @Override
    public String verify(SketchBlob attempt) {
        byte[] sketch = VisitorSketches.of(List.of("Visitor-1", "Visitor-2", "Visitor-3"));
        expect(attempt, "a sketch alone in its buffer", ByteBuffer.wrap(sketch.clone()), sketch);
        expect(attempt, "a sketch inside a larger response buffer", inResponse(sketch), sketch);
        expect(attempt, "a read-only buffer", inResponse(sketch).asReadOnlyBuffer(), sketch);
        ByteBuffer direct = ByteBuffer.allocateDirect(sketch.length).put(sketch);
        direct.flip();
        expect(attempt, "a direct (off-heap) buffer", direct, sketch);
        expect(attempt, "an empty blob", ByteBuffer.allocate(0), new byte[0]);
        expect(attempt, "no value (null)", null, new byte[0]);
        return "sketches read whole from plain, shared, read-only and direct buffers, an empty blob and no value";
    }

    /** What the driver does: one buffer for the response, each value a window (position to limit) into it. */
    private static ByteBuffer inResponse(byte[] sketch) {
        byte[] response = new byte[sketch.length + 40];
        Arrays.fill(response, (byte) 0x7F);
        System.arraycopy(sketch, 0, response, 17, sketch.length);
        return ByteBuffer.wrap(response, 17, sketch.length);
    }

    private static void expect(SketchBlob attempt, String what, ByteBuffer blob, byte[] expected) {
        int position = blob == null ? 0 : blob.position();
        byte[] got;
        try {
            got = attempt.bytes(blob);
        } catch (MissingSolutionException notWrittenYet) {
            throw notWrittenYet;
        } catch (UnsupportedOperationException e) { // ReadOnlyBufferException too
            throw new WrongAnswer(what + ": " + e + ". A read-only or direct buffer has no array to take (array() "
                    + "throws); copy the remaining bytes with get(byte[]) instead", e);
        } catch (NullPointerException e) {
            throw new WrongAnswer(what + ": " + e + ". A blob column without a value comes back as null: return an "
                    + "empty array for it", e);
        }
        if (got == null) {
            throw new WrongAnswer(what + ": returned null; return the bytes (an empty array when there are none)");
        }
        if (!Arrays.equals(got, expected)) {
            throw new WrongAnswer(what + ": " + got.length + " bytes where the blob holds " + expected.length
                    + (got.length > expected.length ? ": the buffer's whole backing array (array()), more than "
                    + "this value, which lies from position() to limit()" : "") + "; copy exactly remaining() bytes from "
                    + "position()");
        }
        if (blob != null && blob.position() != position) {
            throw new WrongAnswer(what + ": the right bytes, but the buffer's position moved from " + position + " to "
                    + blob.position() + ": whoever reads the row's blob next finds it empty; read from a duplicate()");
        }
    }
}
