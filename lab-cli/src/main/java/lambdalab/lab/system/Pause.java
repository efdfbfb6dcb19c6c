package lambdalab.lab.system;

import java.time.Duration;

/** Waiting between polls; an interrupt ends the wait early and stays set for the caller to see. */
public final class Pause {
    private Pause() {
    }

    public static void of(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
