package lambdalab.course.kappa;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.clickstream.Domain;

/**
 * What a version of the Kappa job computes differently: the reason to reprocess. Kappa's answer to
 * a code change is to run the changed job over the whole retained log into a new view; a change is
 * chosen by name ({@code lab kappa replay --version 2 --change bot-filter}) and travels with the
 * version, so a restarted job computes what it computed before.
 *
 * <p>{@link #keeps} is the whole change, used by the job (as a filter before the aggregation) and by
 * the tests' ground truth alike, so the truth of a changed computation is exact.
 */
public enum KappaChange {

    /** The computation of the Lambda views: every valid event counts. */
    NONE("none", "every valid event counts, as in the Lambda views"),
    /**
     * The generator's crawlers: a bot's visitor number is a multiple of {@value #BOT_EVERY} (1% of
     * the visitors, so about 1% of the events). Their events are dropped before the aggregation.
     */
    BOT_FILTER("bot-filter", "drops the events of crawler visitors (Visitor-N with N a multiple of "
            + KappaChange.BOT_EVERY + ")");

    /** Every visitor whose number is a multiple of this is a crawler. */
    public static final int BOT_EVERY = 100;

    private final String wireName;
    private final String description;

    KappaChange(String wireName, String description) {
        this.wireName = wireName;
        this.description = description;
    }

    public String wireName() {
        return wireName;
    }

    public String description() {
        return description;
    }

    /** Whether the event counts in a view computed with this change. */
    public boolean keeps(ClickEvent event) {
        return switch (this) {
            case NONE -> true;
            case BOT_FILTER -> !isBot(event.visitor());
        };
    }

    static boolean isBot(String visitor) {
        try {
            return Domain.visitorNumber(visitor) % BOT_EVERY == 0;
        } catch (IllegalArgumentException notGenerated) { // a visitor id the generator never makes: no crawler of ours
            return false;
        }
    }

    /** The change named {@code name} (as in {@code --change bot-filter}); an error names the known ones. */
    public static KappaChange byName(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(change -> change.wireName.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown change '" + name + "'; known changes: "
                        + known()));
    }

    /** {@code none (every valid event counts ...), bot-filter (drops ...)}: for help texts and errors. */
    public static String known() {
        return Arrays.stream(values()).map(change -> change.wireName + " (" + change.description + ")")
                .collect(Collectors.joining(", "));
    }
}
