package lambdalab.lab.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import lambdalab.generator.HumanDuration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** A duration typed as an option's value (90s, 2m, PT1H), refused with the option's name when it is not one. */
final class DurationOption {

    private DurationOption() {
    }

    static Duration parse(CommandSpec spec, String option, String value) {
        try {
            return HumanDuration.parse(value);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(),
                    option + " must be a positive duration like 90s, 2m or PT1H, not '" + value + "'.");
        }
    }

    /** As {@link #parse}, and also zero ({@code 0}, {@code 0s}). */
    static Duration parseAllowingZero(CommandSpec spec, String option, String value) {
        if (value.strip().matches("0+[smhSMH]?")) {
            return Duration.ZERO;
        }
        return parse(spec, option, value);
    }
}
