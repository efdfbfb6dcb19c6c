package lambdalab.interpreter;

import java.util.List;
import org.apache.zeppelin.interpreter.InterpreterResultMessage;

/**
 * How one paragraph of a note went in the headless runner.
 *
 * @param status   FINISHED, ERROR, or SKIPPED (disabled, or after a failed paragraph)
 * @param millis   how long it ran
 * @param messages what Zeppelin would show: the streamed output, then the result
 */
public record ParagraphOutcome(String id, String title, String interpreter, String status, long millis,
        List<InterpreterResultMessage> messages) {

    public static final String FINISHED = "FINISHED";
    public static final String ERROR = "ERROR";
    public static final String SKIPPED = "SKIPPED";

    public ParagraphOutcome {
        messages = List.copyOf(messages);
    }

    public boolean failed() {
        return ERROR.equals(status);
    }

    /** The text of its messages, joined: for reports and tests. */
    public String text() {
        StringBuilder text = new StringBuilder();
        messages.forEach(message -> text.append(message.getData()));
        return text.toString();
    }
}
