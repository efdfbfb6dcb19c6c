package lambdalab.course.exercises;

import java.util.Map;
import java.util.TreeMap;

/**
 * The modules of the course (the Lambda track, Lambda+, Kappa and operations), each taught by the note of
 * the same number.
 */
public final class CourseModules {

    private static final Map<Integer, String> TITLES = new TreeMap<>(Map.ofEntries(
            Map.entry(1, "Environment tour"),
            Map.entry(2, "Generating clickstream data"),
            Map.entry(3, "Spark SQL and the batch layer"),
            Map.entry(4, "Spark Streaming"),
            Map.entry(5, "Approximate unique visitors"),
            Map.entry(6, "Streaming ingest from Kafka"),
            Map.entry(7, "Cassandra"),
            Map.entry(8, "The serving layer"),
            Map.entry(9, "Lambda+"),
            Map.entry(10, "Kappa"),
            Map.entry(11, "Operations")));

    private CourseModules() {
    }

    /** Module number to title, in order. */
    public static Map<Integer, String> titles() {
        return TITLES;
    }

    /** The module a note belongs to: the number its name starts with ("03 The batch layer" is 3), or 0. */
    public static int ofNote(String noteName) {
        String digits = noteName == null ? "" : noteName.strip().replaceAll("^(\\d+).*$", "$1");
        return digits.matches("\\d+") ? Integer.parseInt(digits) : 0;
    }
}
