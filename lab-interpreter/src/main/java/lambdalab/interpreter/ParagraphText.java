package lambdalab.interpreter;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A paragraph's text split the way Zeppelin does: an optional {@code %interpreter} (with optional
 * {@code (local properties)}) at its start, then the code.
 *
 * @param interpreter e.g. {@code lab.java}, {@code md}; the note's default when the text names none
 * @param body        the code, without the interpreter line part
 */
public record ParagraphText(String interpreter, String body) {

    private static final Pattern MAGIC = Pattern.compile("\\A\\s*%([\\w.\\-]+)(\\([^)]*\\))?[ \\t]*\\R?");

    public static ParagraphText parse(String text, String defaultInterpreter) {
        String source = text == null ? "" : text;
        Matcher magic = MAGIC.matcher(source);
        if (magic.find()) {
            return new ParagraphText(magic.group(1), source.substring(magic.end()));
        }
        return new ParagraphText(defaultInterpreter, source);
    }
}
