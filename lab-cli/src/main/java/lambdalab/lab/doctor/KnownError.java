package lambdalab.lab.doctor;

import java.util.regex.Pattern;

/**
 * An error the lab knows: a pattern in a service's log, what causes it, the fix, and its entry in
 * troubleshooting.md. {@code restartHelps} is false for a cause a restart meets again (damaged data,
 * a broken build): the supervisor then gives up at once instead of retrying.
 */
public record KnownError(String id, Pattern pattern, String cause, String fix, boolean restartHelps) {

    /** A cause that may pass (a port a dying process still holds, memory in use for a while). */
    public static KnownError of(String id, String regex, String cause, String fix) {
        return new KnownError(id, Pattern.compile(regex), cause, fix, true);
    }

    /** A cause that stays until the fix is applied. */
    public static KnownError lasting(String id, String regex, String cause, String fix) {
        return new KnownError(id, Pattern.compile(regex), cause, fix, false);
    }

    /** Where troubleshooting.md explains it. */
    public String reference() {
        return "troubleshooting.md#" + id;
    }
}
