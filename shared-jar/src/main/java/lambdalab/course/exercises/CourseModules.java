package lambdalab.course.exercises;

import java.util.Map;
import java.util.TreeMap;

/** The modules of the course (the Lambda track, Lambda+ and Kappa), each taught by the note of the same number. */
public final class CourseModules {

    private static final Map<Integer, String> TITLES = new TreeMap<>(Map.of(
            1, "Environment tour",
            2, "Generating clickstream data",
            3, "Spark SQL and the batch layer",
            4, "Spark Streaming",
            5, "Approximate unique visitors",
            6, "Streaming ingest from Kafka",
            7, "Cassandra",
            8, "The serving layer",
            9, "Lambda+",
            10, "Kappa"));

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
