package lambdalab.interpreter;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL or CQL paragraph into statements at semicolons that are not inside a quoted string,
 * a quoted identifier or a comment. Statements that hold only comments and blanks are dropped.
 */
public final class Statements {

    /** The comment styles of a language: both know {@code --} and block comments. */
    public enum Dialect {
        SPARK_SQL(false), CQL(true);

        private final boolean slashSlashComments;

        Dialect(boolean slashSlashComments) {
            this.slashSlashComments = slashSlashComments;
        }
    }

    private Statements() {
    }

    public static List<String> split(String text, Dialect dialect) {
        List<String> statements = new ArrayList<>();
        int start = 0;
        boolean hasCode = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int skip = skipQuotedOrComment(text, i, dialect);
            if (skip > i) {
                hasCode |= c == '\'' || c == '"' || c == '`';
                i = skip;
            } else if (c == ';') {
                add(statements, text.substring(start, i), hasCode);
                start = ++i;
                hasCode = false;
            } else {
                hasCode |= !Character.isWhitespace(c);
                i++;
            }
        }
        add(statements, text.substring(start), hasCode);
        return statements;
    }

    private static void add(List<String> statements, String statement, boolean hasCode) {
        if (hasCode) {
            statements.add(statement.strip());
        }
    }

    /** The index after the string, identifier or comment that starts at {@code i}, or {@code i} if none does. */
    private static int skipQuotedOrComment(String text, int i, Dialect dialect) {
        char c = text.charAt(i);
        if (c == '\'' || c == '"' || c == '`') {
            return closing(text, i + 1, c);
        }
        if (text.startsWith("--", i) || (dialect.slashSlashComments && text.startsWith("//", i))) {
            int end = text.indexOf('\n', i);
            return end < 0 ? text.length() : end + 1;
        }
        if (text.startsWith("/*", i)) {
            int end = text.indexOf("*/", i + 2);
            return end < 0 ? text.length() : end + 2;
        }
        return i;
    }

    /** After a quote: the index after its closing quote; a doubled quote or a backslash escapes one. */
    private static int closing(String text, int i, char quote) {
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote && i + 1 < text.length() && text.charAt(i + 1) == quote) {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return text.length();
    }
}
