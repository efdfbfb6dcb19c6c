package lambdalab.lab;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import lambdalab.lab.supervisor.LabState;
import lambdalab.lab.supervisor.ServiceState;
import lambdalab.lab.supervisor.ServiceStatus;
import lambdalab.lab.system.Pause;

/**
 * Follows a starting lab through the supervisor's state file: prints one line per state change (and
 * a reminder of what is still awaited every 10 s), and ends on all ready, a failure, a dead
 * supervisor or the timeout, each with its reason.
 */
final class StartupProgress {

    private static final Duration REMINDER = Duration.ofSeconds(10);

    private final PrintStream out;
    private final List<String> names;
    private final Instant start = Instant.now();
    private final Map<String, ServiceState> seen = new HashMap<>();
    private Instant lastReminder = Instant.now();

    StartupProgress(PrintStream out, List<String> names) {
        this.out = out;
        this.names = names;
    }

    boolean await(Supplier<Optional<LabState>> states, ProcessHandle supervisor, Duration timeout, Duration poll) {
        Instant deadline = start.plus(timeout);
        while (true) {
            Optional<LabState> state = states.get();
            state.ifPresent(this::report);
            if (state.isPresent() && state.get().allReady()) {
                out.printf(Locale.ROOT, "All %d services ready in %.1f s.%n", names.size(), elapsedSeconds());
                return true;
            }
            if (state.isPresent() && !state.get().failed().isEmpty()) {
                state.get().failed().forEach(this::explainFailure);
                return false;
            }
            if (!supervisor.isAlive()) {
                out.println("ERROR: the supervisor exited during start-up; see logs/supervisor.log in the lab home.");
                return false;
            }
            if (Instant.now().isAfter(deadline)) {
                out.println("ERROR: the lab was not ready after " + timeout.toSeconds() + " s.");
                state.ifPresent(s -> s.services().stream().filter(x -> x.state() != ServiceState.READY)
                        .forEach(this::explainFailure));
                return false;
            }
            Pause.of(poll);
        }
    }

    private void report(LabState state) {
        for (ServiceStatus service : state.services()) {
            if (seen.put(service.name(), service.state()) != service.state()) {
                out.printf(Locale.ROOT, "[%5.1f s] %-10s %s%s%n", elapsedSeconds(), service.name(),
                        service.state().name().toLowerCase(Locale.ROOT),
                        service.state() == ServiceState.READY ? " (" + service.detail() + ")" : "");
            }
        }
        if (Duration.between(lastReminder, Instant.now()).compareTo(REMINDER) > 0) {
            lastReminder = Instant.now();
            state.services().stream().filter(s -> s.state() != ServiceState.READY).forEach(s ->
                    out.printf(Locale.ROOT, "[%5.1f s] %-10s still waiting: %s%n", elapsedSeconds(), s.name(), s.detail()));
        }
    }

    private void explainFailure(ServiceStatus service) {
        out.println("ERROR: " + service.name() + " did not start: " + service.detail());
        if (service.fix() != null) {
            out.println("       cause: " + service.fix());
        }
        out.println("       log:   " + service.log());
    }

    private double elapsedSeconds() {
        return Duration.between(start, Instant.now()).toMillis() / 1000.0;
    }
}
