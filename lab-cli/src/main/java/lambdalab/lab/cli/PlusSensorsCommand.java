package lambdalab.lab.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import lambdalab.course.lambdaplus.SensorRun;
import lambdalab.course.lambdaplus.SensorTruth;
import lambdalab.lab.Lab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "sensors", mixinStandardHelpOptions = true,
        description = {"Simulated sensors posting readings to the Lambda+ app server (POST /readings, JSON) at a "
                + "rate, deterministic for a seed (times are the clock's). Prints progress every second and, at "
                + "the end, what the server accepted: readings, buckets, sensors.",
                "--drop sends a share of the readings with the app server's drill (?drill=skip-kafka): stored in "
                        + "records, lost on their way to the speed layer, so the speed rollups of their buckets are "
                        + "short until `./lab plus batch` corrects them."})
final class PlusSensorsCommand implements Callable<Integer> {

    @Mixin
    LabOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = "--sensors", defaultValue = "100", description = "How many sensors (default ${DEFAULT-VALUE}).")
    int sensors;

    @Option(names = "--rate", defaultValue = "1000", description = "Readings per second, all sensors together "
            + "(default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--readings", description = "How many readings in all (default: rate x duration).")
    Long readings;

    @Option(names = "--duration", defaultValue = "60s", description = "How long to post when --readings is not "
            + "given (default ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--per-request", defaultValue = "64", description = "Readings per HTTP request (default ${DEFAULT-VALUE}).")
    int perRequest;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the readings (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--drop", defaultValue = "0", description = "Share of readings lost on their way to the speed "
            + "layer: 5% or 0.05 (default none).")
    String drop;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Lab lab = options.lab();
        double dropRate = dropRate(spec, drop);
        long total = readings != null ? readings
                : rate * DurationOption.parse(spec, "--duration", duration).toSeconds();
        SensorRun run = new SensorRun(lab.plusApp().address(), sensors, seed, rate, total, perRequest, dropRate);
        System.out.printf(Locale.ROOT, "Posting %,d readings of %d sensors at %,d/s to %s (%d per request%s) ...%n",
                total, sensors, rate, lab.plusApp().address(), perRequest,
                dropRate > 0 ? String.format(Locale.ROOT, ", %.1f%% lost before the speed layer", dropRate * 100) : "");
        long started = System.nanoTime();
        long[] lastReport = {started};
        SensorTruth truth;
        try {
            truth = run.run(accepted -> {
                long now = System.nanoTime();
                if (now - lastReport[0] >= Duration.ofSeconds(1).toNanos()) {
                    System.out.printf(Locale.ROOT, "  %,d of %,d accepted (%.0f s)%n", accepted, total,
                            (now - started) / 1e9);
                    lastReport[0] = now;
                }
            });
        } catch (IOException e) {
            System.err.println("ERROR: " + e.getMessage() + " (is Lambda+ running? ./lab plus status)");
            return 1;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "Accepted %,d readings (%,d kept from the speed layer) in %.1f s (%,.0f/s): "
                        + "%,d buckets of 100 ms, %d sensors.%n", truth.readings(), truth.dropped(), seconds,
                truth.readings() / seconds, truth.buckets().size(), truth.sensors().size());
        return 0;
    }

    /** A --drop value: a share between 0 and 1 or a percentage; refused with the option's name otherwise. */
    static double dropRate(CommandSpec spec, String text) {
        try {
            double value = text.endsWith("%") ? Double.parseDouble(text.substring(0, text.length() - 1)) / 100
                    : Double.parseDouble(text);
            if (value >= 0 && value <= 1) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // refused below with the option's name
        }
        throw new ParameterException(spec.commandLine(), "--drop takes a share between 0 and 1 or a percentage like 5%, "
                + "not '" + text + "'.");
    }
}
