package lambdalab.interpreter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The Java that every {@code %lab.java} session starts with (resource {@code prelude.jsh}). */
final class Prelude {

    private Prelude() {
    }

    /** For notebooks: {@code show(...)} prints Zeppelin's {@code %table} text. */
    static String forNotebooks(int maxRows) {
        return text(maxRows, "show");
    }

    /** For a terminal: {@code show(...)} prints aligned columns. */
    static String forTerminal(int maxRows) {
        return text(maxRows, "showAligned");
    }

    private static String text(int maxRows, String displayMethod) {
        try (InputStream in = Prelude.class.getResourceAsStream("prelude.jsh")) {
            if (in == null) {
                throw new IllegalStateException("prelude.jsh is missing from the interpreter's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("MAX_ROWS", Integer.toString(maxRows))
                    .replace("Display.show(", "Display." + displayMethod + "(");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
