package lambdalab.course.serving;

/** The serving views do not exist yet (nothing has run); the message says which and what to run. */
public final class MissingViewsException extends RuntimeException {
    public MissingViewsException(String message) {
        super(message);
    }
}
