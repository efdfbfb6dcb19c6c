package lambdalab.lab.supervisor;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import lambdalab.lab.doctor.KnownErrors;
import lambdalab.lab.service.Failures;
import lambdalab.lab.service.Health;
import lambdalab.lab.service.LabService;
import lambdalab.lab.system.LabProcesses;
import lambdalab.lab.system.Pause;

/**
 * Keeps one service running: configure, start, wait until really ready, watch, and restart it with
 * a growing backoff when it dies. After {@link #MAX_FAILED_STARTS} starts in a row that never became
 * ready it gives up (FAILED) with the cause found in the log, instead of looping forever; at once
 * when that cause is one a restart meets again (a damaged data directory).
 */
final class ServiceRunner implements Runnable {

    static final int MAX_FAILED_STARTS = 3;
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** Ready this long before dying: a fresh incident, not a crash loop. */
    private static final Duration STABLE = Duration.ofMinutes(1);

    private final LabService service;
    private final Duration stopTimeout;
    private final Consumer<ServiceStatus> onChange;
    private final PidFile pidFile;

    private volatile boolean stopping;
    private volatile Process process;
    private volatile ServiceStatus status;
    /** The known error the last failed start's log showed, if any. */
    private volatile KnownErrors.Finding lastKnownError;

    ServiceRunner(LabService service, PidFile pidFile, Consumer<ServiceStatus> onChange) {
        this.service = service;
        this.pidFile = pidFile;
        this.stopTimeout = service.stopTimeout();
        this.onChange = onChange;
        this.status = new ServiceStatus(service.name(), ServiceState.STARTING, 0, service.endpoints(),
                service.ui().orElse(null), null, null, 0, "waiting to start", null, service.logFile().toString());
    }

    ServiceStatus status() {
        return status;
    }

    @Override
    public void run() {
        int failedStarts = 0;
        int quickDeaths = 0;
        int restarts = 0;
        while (!stopping) {
            boolean becameReady = startAndWatch(restarts);
            if (stopping) {
                break;
            }
            failedStarts = becameReady ? 0 : failedStarts + 1;
            if (failedStarts >= MAX_FAILED_STARTS || status.state() == ServiceState.FAILED) {
                update(status.withState(ServiceState.FAILED));
                return;
            }
            if (!becameReady && lastKnownError != null && !lastKnownError.error().restartHelps()) {
                update(status.failed("not restarted: a restart would meet the same " + lastKnownError.error().id()
                        + " error; " + status.detail(), status.fix()));
                return;
            }
            // a service that keeps dying soon after each start waits longer each time
            quickDeaths = ranLongEnough(status) ? 1 : quickDeaths + 1;
            restarts++;
            Duration backoff = backoff(quickDeaths);
            update(status.restarting(restarts, "restarting in " + backoff.toSeconds() + " s: " + status.detail()));
            Pause.of(backoff);
        }
    }

    private void warmUpReadinessCheck() {
        Thread warmUp = new Thread(service::warmUpReadinessCheck, service.name() + "-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    private static boolean ranLongEnough(ServiceStatus status) {
        return status.readyAt() != null && Duration.between(status.readyAt(), Instant.now()).compareTo(STABLE) > 0;
    }

    /** One life of the process. Returns whether it became ready before it ended. */
    private boolean startAndWatch(int restarts) {
        lastKnownError = null;
        long logOffset = KnownErrors.sizeOf(service.logFile());
        try {
            update(status.starting(restarts, "configuring"));
            service.prepareStart();
            if (!launchUnlessStopping()) {
                return false;
            }
        } catch (RuntimeException e) {
            update(status.failed("could not start: " + Failures.rootMessage(e), diagnose(logOffset).orElse(null)));
            return false;
        }
        pidFile.write(process.pid());
        update(status.started(process.pid(), Instant.now()));
        warmUpReadinessCheck();
        boolean ready = awaitReady(logOffset);
        if (ready) {
            service.afterReady(process.toHandle());
            waitForExit();
        }
        if (!stopping && status.state() != ServiceState.FAILED) {
            String exit = process.isAlive() ? "still running" : "exited with code " + process.exitValue();
            String known = diagnose(logOffset).orElse(null);
            update(status.withDetail("process " + exit + (ready ? " after being ready" : " before it was ready"), known));
        }
        return ready;
    }

    /** Launching and stopping exclude each other, so a stop never misses a process being born. */
    private synchronized boolean launchUnlessStopping() {
        if (stopping) {
            return false;
        }
        try {
            Files.createDirectories(service.logFile().getParent());
            ProcessBuilder builder = new ProcessBuilder(service.command())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(service.logFile().toFile()));
            builder.environment().putAll(service.environment());
            process = builder.start();
            return true;
        } catch (IOException e) {
            throw new IllegalStateException("cannot launch the JVM: " + e.getMessage(), e);
        }
    }

    private boolean awaitReady(long logOffset) {
        Instant deadline = Instant.now().plus(service.startTimeout());
        while (!stopping && process.isAlive()) {
            Health health = service.checkReady();
            if (health.ready()) {
                update(status.ready(Instant.now(), health.detail()));
                return true;
            }
            if (Instant.now().isAfter(deadline)) {
                update(status.failed("not ready after " + service.startTimeout().toSeconds() + " s: "
                        + health.detail(), diagnose(logOffset).orElse(null)));
                LabProcesses.stop(process.toHandle(), stopTimeout);
                return false;
            }
            update(status.withDetail(health.detail(), null));
            Pause.of(POLL);
        }
        return false;
    }

    private void waitForExit() {
        while (!stopping && process.isAlive()) {
            LabProcesses.waitForExit(process.toHandle(), Duration.ofSeconds(1));
        }
    }

    /**
     * What this start wrote to the log that explains a failure: a known error as "cause. Fix: ... (see
     * troubleshooting.md#...)", else the last error line.
     */
    private Optional<String> diagnose(long logOffset) {
        Optional<KnownErrors.Finding> finding = KnownErrors.latestSince(service.logFile(), logOffset);
        finding.ifPresent(f -> lastKnownError = f);
        Optional<String> known = finding
                .map(f -> f.error().cause() + ". Fix: " + f.error().fix() + " (see " + f.error().reference() + ")");
        return known.or(() -> KnownErrors.lastErrorLine(service.logFile(), logOffset).map(line -> "the log says: " + line));
    }

    /** Stops the process gracefully (then kills it); returns whether it stopped gracefully. */
    boolean stop() {
        Process current;
        synchronized (this) {
            stopping = true;
            current = process;
        }
        if (current != null && current.isAlive()) {
            update(status.withDetail("stopping (SIGTERM; killed after " + stopTimeout.toSeconds() + " s)", null));
        }
        boolean graceful = current == null || LabProcesses.stop(current.toHandle(), stopTimeout);
        pidFile.delete();
        update(status.stopped());
        return graceful;
    }

    private static Duration backoff(int attempt) {
        long seconds = 1L << Math.min(attempt - 1, 5);
        return Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds()));
    }

    /** Publishes a new status; STOPPED is final (a runner is not started twice). */
    private synchronized void update(ServiceStatus next) {
        if (status.state() == ServiceState.STOPPED) {
            return;
        }
        status = next;
        onChange.accept(next);
    }
}
