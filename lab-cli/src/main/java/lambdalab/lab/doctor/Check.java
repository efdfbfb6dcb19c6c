package lambdalab.lab.doctor;

/** One finding of {@code lab doctor}. */
public record Check(Level level, String subject, String message) {

    public enum Level { OK, WARN, FAIL }

    public static Check ok(String subject, String message) {
        return new Check(Level.OK, subject, message);
    }

    public static Check warn(String subject, String message) {
        return new Check(Level.WARN, subject, message);
    }

    public static Check fail(String subject, String message) {
        return new Check(Level.FAIL, subject, message);
    }
}
