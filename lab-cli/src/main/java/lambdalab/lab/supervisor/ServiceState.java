package lambdalab.lab.supervisor;

/** Where a supervised service is in its life. */
public enum ServiceState {
    /** configuring, formatting, or started and not answering yet */
    STARTING,
    /** answered its readiness check */
    READY,
    /** died; the supervisor starts it again after a backoff */
    RESTARTING,
    /** failed to become ready too many times in a row; given up, see detail and log */
    FAILED,
    /** stopped on request */
    STOPPED
}
