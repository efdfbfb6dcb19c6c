package lambdalab.lab.service;

/** Turns an exception chain into the one line a user needs: the innermost cause. */
public final class Failures {
    private Failures() {
    }

    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
