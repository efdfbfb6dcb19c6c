package lambdalab.course.batch;

/** The batch input is missing or holds no data; the message says where it looked and what to do. */
public final class MissingInputException extends RuntimeException {
    public MissingInputException(String message) {
        super(message);
    }
}
