package lambdalab.course.kappa;

/**
 * A version of the Kappa view: the number the learner types ({@code lab kappa replay --version 2}),
 * and everything named after it: its tables, its job, its checkpoint folder.
 */
public record KappaVersion(int number) implements Comparable<KappaVersion> {

    /** Enough for any course run, and keeps table names short. */
    public static final int MAX = 999;
    private static final String JOB_PREFIX = "kappa-v";

    public KappaVersion {
        if (number < 1 || number > MAX) {
            throw new IllegalArgumentException("a Kappa version is a whole number from 1 to " + MAX + ", got " + number);
        }
    }

    /** {@code 2}, {@code v2} or {@code V2}: what a learner may type. */
    public static KappaVersion parse(String text) {
        String digits = text == null ? "" : text.strip();
        if (digits.startsWith("v") || digits.startsWith("V")) {
            digits = digits.substring(1);
        }
        if (!digits.matches("[0-9]{1,4}")) {
            throw new IllegalArgumentException("a Kappa version is a whole number like 2 (or v2), got '" + text + "'");
        }
        return new KappaVersion(Integer.parseInt(digits));
    }

    /** The version a job name ({@code kappa-v2}) stands for, if it is one. */
    public static java.util.Optional<KappaVersion> ofJobName(String name) {
        if (name == null || !name.startsWith(JOB_PREFIX)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(parse(name.substring(JOB_PREFIX.length())));
        } catch (IllegalArgumentException notAVersion) {
            return java.util.Optional.empty();
        }
    }

    public KappaVersion next() {
        return new KappaVersion(number + 1);
    }

    /** The supervised job that computes this version: {@code kappa-v2}. */
    public String jobName() {
        return JOB_PREFIX + number;
    }

    /** {@code v2}: the suffix of its tables and the name of its folder. */
    public String label() {
        return "v" + number;
    }

    public String activityTable() {
        return KappaSchema.ACTIVITY_PREFIX + label();
    }

    public String visitorsTable() {
        return KappaSchema.VISITORS_PREFIX + label();
    }

    @Override
    public int compareTo(KappaVersion other) {
        return Integer.compare(number, other.number);
    }

    @Override
    public String toString() {
        return label();
    }
}
