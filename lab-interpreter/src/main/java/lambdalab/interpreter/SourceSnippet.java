package lambdalab.interpreter;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/**
 * One JShell snippet of a paragraph and where it starts in the paragraph, so a compile error or an
 * exception can name the paragraph's line.
 *
 * @param source the snippet as JShell takes it (a semicolon JShell found missing is appended)
 * @param offset index in the paragraph of the snippet's first character
 */
record SourceSnippet(String source, int offset) {

    /**
     * Splits a paragraph the way JShell reads input: one complete declaration or statement after
     * the other. An incomplete rest becomes the last snippet, for the compiler to say what is wrong.
     */
    static List<SourceSnippet> split(SourceCodeAnalysis analysis, String paragraph) {
        List<SourceSnippet> snippets = new ArrayList<>();
        String rest = paragraph;
        while (!rest.isBlank()) {
            int offset = paragraph.length() - rest.length();
            CompletionInfo info = analysis.analyzeCompletion(rest);
            if (info.completeness() == Completeness.EMPTY) {
                break; // only comments are left
            }
            if (!info.completeness().isComplete() || info.remaining().length() >= rest.length()) {
                snippets.add(new SourceSnippet(rest, offset));
                break;
            }
            snippets.add(new SourceSnippet(info.source(), offset));
            rest = info.remaining();
        }
        return snippets;
    }

    /**
     * The paragraph line (1-based) of line {@code snippetLine} as JShell counts in stack traces:
     * from the line of the snippet's first code, after blanks and comments.
     */
    int paragraphLine(String paragraph, int snippetLine) {
        return lineOf(paragraph, offset + codeStart(source)) + snippetLine - 1;
    }

    /** The paragraph line (1-based) of a position in this snippet's source. */
    int paragraphLineAt(String paragraph, long position) {
        return lineOf(paragraph, offset + (int) position);
    }

    static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < Math.min(index, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The index of the first character that is neither blank nor inside a comment. */
    static int codeStart(String source) {
        int i = 0;
        while (i < source.length()) {
            if (Character.isWhitespace(source.charAt(i))) {
                i++;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end + 1;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
            } else {
                return i;
            }
        }
        return i;
    }
}
