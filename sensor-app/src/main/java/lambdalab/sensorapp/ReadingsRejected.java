package lambdalab.sensorapp;

/**
 * A request the server refuses as a whole: nothing of it is stored. Carries what the client needs to
 * fix it: the HTTP status (always 4xx), the index of the offending reading (null when the body as a
 * whole is wrong) and a message that says what was wrong and what to send instead.
 */
public final class ReadingsRejected extends Exception {

    private final int status;
    private final Integer index;

    public ReadingsRejected(int status, Integer index, String message) {
        super(message, null, false, false); // a client's mistake: no stack trace to fill
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("a rejection is a 4xx status, got " + status);
        }
        this.status = status;
        this.index = index;
    }

    public int status() {
        return status;
    }

    /** The index of the offending reading in the request (0 for a single object), or null. */
    public Integer index() {
        return index;
    }
}
