package lambdalab.interpreter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.zeppelin.interpreter.Interpreter;
import org.apache.zeppelin.interpreter.InterpreterContext;
import org.apache.zeppelin.interpreter.InterpreterException;
import org.apache.zeppelin.interpreter.InterpreterOutput;
import org.apache.zeppelin.interpreter.InterpreterResult;
import org.apache.zeppelin.interpreter.InterpreterResultMessage;

/** Runs paragraphs through Zeppelin's interpreter API and collects what Zeppelin would show. */
final class Paragraphs {

    private static final AtomicInteger IDS = new AtomicInteger();

    private Paragraphs() {
    }

    static InterpreterContext newContext() {
        return InterpreterContext.builder()
                .setNoteId("note-test")
                .setParagraphId("paragraph-" + IDS.incrementAndGet())
                .setInterpreterOut(new InterpreterOutput())
                .build();
    }

    static Run run(Interpreter interpreter, String text) {
        return run(interpreter, text, newContext());
    }

    /** Like Zeppelin's interpreter process: the streamed output's messages, then the result's. */
    static Run run(Interpreter interpreter, String text, InterpreterContext context) {
        try {
            InterpreterResult result = interpreter.interpret(text, context);
            context.out.flush();
            List<InterpreterResultMessage> messages = new ArrayList<>(context.out.toInterpreterResultMessage());
            messages.addAll(result.message());
            return new Run(result.code(), messages);
        } catch (InterpreterException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Run(InterpreterResult.Code code, List<InterpreterResultMessage> messages) {

        /** Every text message, joined. */
        String text() {
            return of(InterpreterResult.Type.TEXT).stream().collect(Collectors.joining());
        }

        List<String> tables() {
            return of(InterpreterResult.Type.TABLE);
        }

        List<String> of(InterpreterResult.Type type) {
            return messages.stream().filter(message -> message.getType() == type)
                    .map(InterpreterResultMessage::getData).toList();
        }

        @Override
        public String toString() {
            return code + " " + messages;
        }
    }
}
