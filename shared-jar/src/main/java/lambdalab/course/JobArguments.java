package lambdalab.course;

import java.util.HashMap;
import java.util.List;
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

    /**
     * {@code --master URL}; without it the master {@code spark-submit} was given (it passes it as the
     * system property {@code spark.master}), else {@code local[2]}: Spark in the job's own JVM.
     */
    public static String master(Map<String, String> options) {
        return options.getOrDefault("master", System.getProperty("spark.master", "local[2]"));
    }

    /**
     * {@code --replication N}: copies of each Cassandra row and HDFS block (default 1; 3 on the lab's
     * cluster profile, whose jobs then read and write at LOCAL_QUORUM, see {@link LabEndpoints}).
     */
    public static List<String> replicationArguments(int replication) {
        // a single node's jobs keep the command line they always had
        return replication == 1 ? List.of() : List.of("--replication", Integer.toString(replication));
    }

    /** The value of {@link #replicationArguments(int)}. */
    public static int replication(Map<String, String> options) {
        String value = options.getOrDefault("replication", "1");
        try {
            int copies = Integer.parseInt(value);
            if (copies < 1) {
                throw new NumberFormatException();
            }
            return copies;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--replication takes a whole number above zero, got '" + value + "'");
        }
    }
}
