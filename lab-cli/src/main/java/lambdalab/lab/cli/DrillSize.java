package lambdalab.lab.cli;

import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The size options every live drill has. Unset, they take the drill's default plan (a few minutes)
 * or, with {@code --short}, the short one the test suite runs; set, they override either.
 */
final class DrillSize {

    @Option(names = "--short", description = "The drill's short form (the one `./lab test` runs): seconds, not minutes.")
    boolean shortForm;

    @Option(names = "--duration", paramLabel = "DURATION", description = "How long the generator runs.")
    String duration;

    @Option(names = "--rate", paramLabel = "N", description = "Events per second.")
    Integer rate;

    @Option(names = "--catch-up", paramLabel = "DURATION",
            description = "How long the speed layer may take to commit every event at the end.")
    String catchUp;

    Duration duration(CommandSpec spec, Duration planned) {
        return duration == null ? planned : DurationOption.parse(spec, "--duration", duration);
    }

    int rate(CommandSpec spec, int planned) {
        if (rate != null && rate < 1) {
            throw new ParameterException(spec.commandLine(), "--rate must be at least 1, got " + rate);
        }
        return rate == null ? planned : rate;
    }

    Duration catchUp(CommandSpec spec, Duration planned) {
        return catchUp == null ? planned : DurationOption.parse(spec, "--catch-up", catchUp);
    }
}
