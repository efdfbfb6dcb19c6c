package lambdalab.course.exercises.streaming;

import java.util.NoSuchElementException;
import org.apache.spark.streaming.State;

/**
 * A {@link State} the check drives by hand, with Spark's rules: {@code get()} of a missing state
 * throws, and a timing-out state can be neither updated nor removed.
 */
final class ScriptedState<S> extends State<S> {

    private S value;
    private boolean exists;
    private final boolean timingOut;
    private boolean updated;

    private ScriptedState(S value, boolean exists, boolean timingOut) {
        this.value = value;
        this.exists = exists;
        this.timingOut = timingOut;
    }

    static <S> ScriptedState<S> none() {
        return new ScriptedState<>(null, false, false);
    }

    static <S> ScriptedState<S> of(S value) {
        return new ScriptedState<>(value, true, false);
    }

    static <S> ScriptedState<S> timingOut(S value) {
        return new ScriptedState<>(value, true, true);
    }

    @Override
    public boolean exists() {
        return exists;
    }

    @Override
    public S get() {
        if (!exists) {
            throw new NoSuchElementException("State is not set");
        }
        return value;
    }

    @Override
    public void update(S newValue) {
        if (timingOut) {
            throw new IllegalArgumentException("Cannot update the state that is timing out");
        }
        value = newValue;
        exists = true;
        updated = true;
    }

    @Override
    public void remove() {
        if (timingOut) {
            throw new IllegalArgumentException("Cannot remove the state that is timing out");
        }
        value = null;
        exists = false;
    }

    @Override
    public boolean isTimingOut() {
        return timingOut;
    }

    boolean updated() {
        return updated;
    }

    S value() {
        return value;
    }
}
