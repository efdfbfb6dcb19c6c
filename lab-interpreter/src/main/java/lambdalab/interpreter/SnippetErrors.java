package lambdalab.interpreter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;

/**
 * A paragraph's compile errors and exceptions, the way javac and a good REPL show them: the
 * paragraph's line, the source line with a caret, the message; for an exception, its type, message,
 * a few causes and the paragraph line it came from. JShell's wrapper classes never show.
 */
final class SnippetErrors {

    private static final int MAX_DIAGNOSTICS = 5;

    private SnippetErrors() {
    }

    static String compile(List<Diag> diagnostics, SourceSnippet snippet, String paragraph) {
        List<String> errors = new ArrayList<>();
        for (Diag diag : diagnostics) {
            if (diag.isError() && errors.size() < MAX_DIAGNOSTICS) {
                errors.add(compileError(diag, snippet, paragraph));
            }
        }
        return errors.isEmpty() ? "The snippet was rejected:\n" + snippet.source().strip() : String.join("\n", errors);
    }

    private static String compileError(Diag diag, SourceSnippet snippet, String paragraph) {
        long position = diag.getPosition() == Diagnostic.NOPOS ? diag.getStartPosition() : diag.getPosition();
        int index = Math.max(0, Math.min(paragraph.length() - 1, snippet.offset() + (int) Math.max(0, position)));
        int lineStart = paragraph.lastIndexOf('\n', index - 1) + 1;
        int lineEnd = paragraph.indexOf('\n', lineStart);
        String sourceLine = paragraph.substring(lineStart, lineEnd < 0 ? paragraph.length() : lineEnd);
        List<String> message = withoutWrapperLines(diag.getMessage(Locale.ROOT));
        StringBuilder text = new StringBuilder()
                .append("line ").append(SourceSnippet.lineOf(paragraph, index)).append(": error: ")
                .append(message.isEmpty() ? diag.getCode() : message.get(0)).append('\n')
                .append(sourceLine).append('\n')
                .append(caret(sourceLine, index - lineStart));
        for (String detail : message.subList(Math.min(1, message.size()), message.size())) {
            text.append('\n').append(detail);
        }
        return text.toString();
    }

    /** JShell's "location: class" lines name its generated wrapper class: no use to a reader. */
    private static List<String> withoutWrapperLines(String message) {
        List<String> lines = new ArrayList<>();
        for (String line : message.split("\n")) {
            if (!line.strip().startsWith("location: class") && !line.isBlank()) {
                lines.add(line.stripTrailing());
            }
        }
        return lines;
    }

    private static String caret(String sourceLine, int column) {
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < Math.min(column, sourceLine.length()); i++) {
            caret.append(sourceLine.charAt(i) == '\t' ? '\t' : ' ');
        }
        return caret.append('^').toString();
    }

    /**
     * An exception thrown by a snippet.
     *
     * @param snippets this paragraph's snippets by JShell id, to name the line the exception came from
     */
    static String runtime(EvalException error, Map<String, SourceSnippet> snippets, String paragraph) {
        StringBuilder text = new StringBuilder(line(error));
        Throwable cause = error.getCause();
        for (int i = 0; cause != null && i < ErrorText.MAX_CAUSES; i++, cause = cause.getCause()) {
            text.append("\ncaused by: ").append(cause instanceof EvalException eval ? line(eval)
                    : ErrorText.line(cause.getClass().getName(), cause.getMessage()));
        }
        for (StackTraceElement frame : error.getStackTrace()) {
            SourceSnippet snippet = snippets.get(snippetId(frame));
            if (snippet != null) {
                return text.append("\n  at line ").append(snippet.paragraphLine(paragraph, frame.getLineNumber()))
                        .toString();
            }
        }
        return text.toString();
    }

    private static String line(EvalException error) {
        return ErrorText.line(error.getExceptionClassName(), withoutWrapperNames(error.getMessage()));
    }

    /** JShell names a snippet's file "#id". */
    private static String snippetId(StackTraceElement frame) {
        String file = frame.getFileName();
        return file != null && file.startsWith("#") ? file.substring(1) : "";
    }

    /** Helpful NullPointerException messages name fields as REPL.$JShell$12.name: keep the name. */
    static String withoutWrapperNames(String message) {
        return message == null ? null : message.replaceAll("REPL\\.\\$JShell\\$\\d+[A-Z]?\\.", "");
    }
}
