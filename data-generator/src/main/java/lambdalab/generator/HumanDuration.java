package lambdalab.generator;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Durations as people type them on a command line: 30s, 5m, 1h30m, or ISO-8601 like PT1H. */
public final class HumanDuration {

    private HumanDuration() {
    }

    /** The positive duration {@code text} says; a DateTimeParseException for anything else. */
    public static Duration parse(String text) {
        String upper = text.trim().toUpperCase(Locale.ROOT);
        Duration parsed = Duration.parse(upper.startsWith("P") ? upper : "PT" + upper);
        if (parsed.isNegative() || parsed.isZero()) {
            throw new DateTimeParseException("not positive", text, 0);
        }
        return parsed;
    }
}
