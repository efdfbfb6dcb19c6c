package lambdalab.lab.service;

/** A service could not be configured, started or stopped; the message names the cause and the fix. */
public final class ServiceException extends RuntimeException {
    public ServiceException(String message) {
        super(message);
    }

    public ServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
