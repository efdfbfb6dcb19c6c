package lambdalab.interpreter;

import java.util.ArrayList;
import java.util.List;

/**
 * An exception as a learner wants to read it: its type and message and a short chain of causes,
 * without stack traces (Spark puts a whole executor stack trace inside its messages).
 */
public final class ErrorText {

    static final int MAX_CAUSES = 3;
    private static final int MAX_MESSAGE_LINES = 12;

    private ErrorText() {
    }

    public static String describe(Throwable error) {
        List<String> lines = new ArrayList<>();
        lines.add(line(error.getClass().getName(), error.getMessage()));
        Throwable cause = error.getCause();
        for (int i = 0; cause != null && cause != error && i < MAX_CAUSES; i++, cause = cause.getCause()) {
            lines.add("caused by: " + line(cause.getClass().getName(), cause.getMessage()));
        }
        return String.join("\n", lines);
    }

    /** {@code type: message}, the message cut before any stack trace it carries. */
    static String line(String type, String message) {
        String shortMessage = shorten(message);
        return shortMessage.isEmpty() ? type : type + ": " + shortMessage;
    }

    static String shorten(String message) {
        if (message == null) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String line : message.strip().split("\n")) {
            boolean stackTrace = line.matches("\\s+at .*") || line.startsWith("Driver stacktrace:");
            if (stackTrace || kept.size() == MAX_MESSAGE_LINES) {
                break;
            }
            kept.add(line.stripTrailing());
        }
        return String.join("\n", kept).strip();
    }
}
