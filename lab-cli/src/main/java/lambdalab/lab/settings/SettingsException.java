package lambdalab.lab.settings;

/** A setting that is unknown or has a value of the wrong kind; the message says which and what is expected. */
public final class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}
