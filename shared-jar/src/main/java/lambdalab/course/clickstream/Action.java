package lambdalab.course.clickstream;

import java.util.Optional;

/**
 * What a visitor did. The wire names are the lower-case words the course's jobs and Cassandra
 * views use, kept separate from the Java constant names so either can change on its own.
 */
public enum Action {
    PURCHASE("purchase"),
    ADD_TO_CART("add_to_cart"),
    PAGE_VIEW("page_view");

    private final String wireName;

    Action(String wireName) {
        this.wireName = wireName;
    }

    /** The name written in the TSV line. */
    public String wireName() {
        return wireName;
    }

    /**
     * Looks up an action by its wire name; empty for anything else, so that callers decide whether
     * an unknown word is an error (the codec) or something to skip.
     */
    public static Optional<Action> fromWire(String name) {
        for (Action action : values()) {
            if (action.wireName.equals(name)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }

    /**
     * The action whose wire name equals {@code line[from, to)}, or {@code null}. Lets the codec
     * match a field without cutting a substring out of the line first.
     */
    static Action fromWire(String line, int from, int to) {
        int length = to - from;
        for (Action action : values()) {
            String name = action.wireName;
            if (name.length() == length && line.regionMatches(from, name, 0, length)) {
                return action;
            }
        }
        return null;
    }
}
