package lambdalab.interpreter;

/**
 * How a paragraph of Java went.
 *
 * @param error null when it succeeded, else the compile error, exception or stop to show
 */
public record EvalOutcome(String error) {

    private static final EvalOutcome OK = new EvalOutcome(null);

    public static EvalOutcome ok() {
        return OK;
    }

    public static EvalOutcome failed(String error) {
        return new EvalOutcome(error);
    }

    public boolean succeeded() {
        return error == null;
    }
}
