package lambdalab.lab;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import lambdalab.lab.service.LabService;
import lambdalab.lab.supervisor.LabState;
import lambdalab.lab.supervisor.ServiceState;
import lambdalab.lab.supervisor.ServiceStatus;
import lambdalab.lab.system.Pause;

/**
 * Follows an on-demand job through the supervisor's state file after {@code lab stream start} or
 * {@code stop} changed its request: prints a line per state change (and what it still waits for,
 * every 30 s), and ends on ready, failed or stopped, on a supervisor that died, or on a timeout.
 */
public final class JobProgress {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration REMINDER = Duration.ofSeconds(30);
    /** The supervisor gives up after this many starts that never became ready (as for services). */
    private static final int FAILED_STARTS = 3;

    private final Lab lab;
    private final LabService job;
    private final PrintStream out;
    private final Instant start = Instant.now();
    private ServiceState lastState;
    private String lastDetail;
    private Instant lastReminder = Instant.now();

    public JobProgress(Lab lab, LabService job, PrintStream out) {
        this.lab = lab;
        this.job = job;
        this.out = out;
    }

    /**
     * Waits until the run that answers {@code request} is ready (true) or has failed (false, with the
     * cause and the log to read). Waits as long as the supervisor may keep trying, and a minute more.
     */
    public boolean awaitReady(String request, ProcessHandle supervisor) {
        Instant deadline = start.plus(job.startTimeout().multipliedBy(FAILED_STARTS)).plusSeconds(60);
        boolean taken = false;
        while (true) {
            Optional<LabState> state = lab.lastState();
            String served = state.map(s -> s.jobRequests().get(job.name())).orElse(null);
            String wanted = lab.wantedJobs().current(job.name()).orElse(null);
            if (wanted != null && !wanted.equals(request)) {
                request = wanted; // asked again meanwhile (another terminal): follow that request
                taken = false; // the supervisor takes it up at its next look: till then it serves the one before
            }
            if (served != null && served.equals(request)) {
                taken = true;
                ServiceStatus status = state.flatMap(s -> s.job(job.name())).orElseThrow();
                report(status);
                if (status.state() == ServiceState.READY) {
                    out.printf(Locale.ROOT, "The %s job is ready (PID %d) after %.1f s: %s%n", job.name(), status.pid(),
                            elapsedSeconds(), status.detail());
                    return true;
                }
                if (status.state() == ServiceState.FAILED) {
                    explainFailure(status);
                    return false;
                }
            } else if (taken || wanted == null) {
                out.println("ERROR: the " + job.name() + " job was stopped (`" + job.controlCommand()
                        + " stop`?) before it was ready.");
                return false;
            }
            if (!supervisor.isAlive()) {
                out.println("ERROR: the supervisor exited; see " + lab.settings().logsDir().resolve(Lab.SUPERVISOR + ".log") + ".");
                return false;
            }
            if (Instant.now().isAfter(deadline)) {
                out.println("ERROR: the " + job.name() + " job was not ready after " + elapsedSeconds()
                        + " s; see `" + job.controlCommand() + " status` and its log, " + job.logFile() + ".");
                return false;
            }
            Pause.of(POLL);
        }
    }

    /**
     * Waits until the job is stopped and its process ({@code pid}, 0 if none) is gone. Returns false
     * if it is still there after its stop timeout and a margin (the supervisor kills it before that).
     */
    public boolean awaitStopped(long pid, ProcessHandle supervisor) {
        Instant deadline = start.plus(job.stopTimeout()).plusSeconds(30);
        while (true) {
            Optional<LabState> state = lab.lastState();
            boolean withdrawn = state.map(s -> !s.jobRequests().containsKey(job.name())).orElse(true);
            Optional<ServiceStatus> status = state.flatMap(s -> s.job(job.name()));
            status.filter(s -> s.state() != ServiceState.STOPPED).ifPresent(this::report);
            boolean processGone = pid <= 0 || ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
            boolean stopped = status.map(s -> s.state() == ServiceState.STOPPED).orElse(true);
            if (withdrawn && stopped && processGone) {
                return true;
            }
            if (!supervisor.isAlive() && processGone) {
                return true; // the whole lab stopped meanwhile: so did the job
            }
            if (Instant.now().isAfter(deadline)) {
                out.println("ERROR: the " + job.name() + " job did not stop within " + elapsedSeconds() + " s; "
                        + "`./lab down` stops the whole lab. See " + job.logFile() + ".");
                return false;
            }
            Pause.of(POLL);
        }
    }

    public double elapsedSeconds() {
        return Math.round(Duration.between(start, Instant.now()).toMillis() / 100.0) / 10.0;
    }

    private void report(ServiceStatus status) {
        boolean changed = status.state() != lastState || !Objects.equals(status.detail(), lastDetail);
        if (changed && status.state() != ServiceState.READY) {
            out.printf(Locale.ROOT, "[%5.1f s] %s %s (%s)%n", elapsedSeconds(), job.name(),
                    status.state().name().toLowerCase(Locale.ROOT), status.detail());
            lastReminder = Instant.now();
        } else if (Duration.between(lastReminder, Instant.now()).compareTo(REMINDER) > 0) {
            out.printf(Locale.ROOT, "[%5.1f s] %s still %s (%s)%n", elapsedSeconds(), job.name(),
                    status.state().name().toLowerCase(Locale.ROOT), status.detail());
            lastReminder = Instant.now();
        }
        lastState = status.state();
        lastDetail = status.detail();
    }

    private void explainFailure(ServiceStatus status) {
        out.println("ERROR: the " + job.name() + " job did not start: " + status.detail());
        if (status.fix() != null) {
            out.println("       cause: " + status.fix());
        }
        out.println("       log:   " + status.log());
    }
}
