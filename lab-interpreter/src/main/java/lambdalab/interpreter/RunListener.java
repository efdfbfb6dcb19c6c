package lambdalab.interpreter;

/**
 * What the headless runner tells its caller while a note runs: each paragraph as it ends, and, for a
 * paragraph that takes long, a heartbeat with its Spark progress so a long step never looks hung.
 */
@FunctionalInterface
public interface RunListener {

    /** A paragraph ended (or was skipped). */
    void finished(ParagraphOutcome outcome);

    /**
     * A paragraph is still running after {@code millis}.
     *
     * @param percent its interpreter's progress (completed Spark tasks of its jobs), 0 when unknown
     */
    default void stillRunning(String paragraphId, String title, long millis, int percent) {
    }
}
