package lambdalab.course;

import java.util.HashMap;
import java.util.Map;

/** The command line of a course job run by the lab or by {@code spark-submit}: {@code --name value} pairs. */
public final class JobArguments {

    private JobArguments() {
    }

    /** Name (without the dashes) to value; a lone or unnamed argument is refused with the whole line. */
    public static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + String.join(" ", args));
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
