package lambdalab.course.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * What Spark ships to its tasks for a function: the function is serialized with every value it
 * captured. For note 04's lesson on closures written in a REPL.
 */
public final class Closures {

    private Closures() {
    }

    /** The function's serialized size and the values it captured, or why it cannot be shipped. */
    public static String describe(Serializable function) {
        List<String> captured = capturedValues(function);
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(function);
            }
            return String.format("%,d bytes; captures %s", bytes.size(),
                    captured.isEmpty() ? "nothing" : String.join(", ", captured));
        } catch (NotSerializableException e) {
            return "cannot be shipped (Spark says \"Task not serializable\"): it captures " + String.join(", ", captured)
                    + ", and " + e.getMessage() + " is not serializable";
        } catch (IOException e) {
            return "cannot be serialized: " + e;
        }
    }

    /** A lambda's captured values, as "type = value"; an object that is no lambda counts as its own fields. */
    private static List<String> capturedValues(Serializable function) {
        List<String> values = new ArrayList<>();
        try {
            Method writeReplace = function.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            SerializedLambda lambda = (SerializedLambda) writeReplace.invoke(function);
            for (int i = 0; i < lambda.getCapturedArgCount(); i++) {
                values.add(describeValue(lambda.getCapturedArg(i)));
            }
        } catch (ReflectiveOperationException | ClassCastException e) {
            values.add("itself, a " + function.getClass().getName() + " (not a lambda)");
        }
        return values;
    }

    private static String describeValue(Object value) {
        if (value == null) {
            return "null";
        }
        String text = String.valueOf(value);
        return value.getClass().getSimpleName() + " = " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }
}
