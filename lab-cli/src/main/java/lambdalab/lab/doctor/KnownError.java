package lambdalab.lab.doctor;

import java.util.regex.Pattern;

/**
 * An error the lab knows: a pattern in a service's log, what causes it, the fix, and its entry in
 * troubleshooting.md.
 */
public record KnownError(String id, Pattern pattern, String cause, String fix) {

    public static KnownError of(String id, String regex, String cause, String fix) {
        return new KnownError(id, Pattern.compile(regex), cause, fix);
    }

    /** Where troubleshooting.md explains it. */
    public String reference() {
        return "troubleshooting.md#" + id;
    }
}
