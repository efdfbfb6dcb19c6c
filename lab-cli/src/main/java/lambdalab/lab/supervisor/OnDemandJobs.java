package lambdalab.lab.supervisor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import lambdalab.lab.service.LabService;
import lambdalab.lab.system.Pause;

/**
 * The lab's optional jobs (the speed layer), run by the supervisor only while they are wanted
 * ({@link WantedJobs}): when a job's request appears, a {@link ServiceRunner} runs it exactly like a
 * service (restarted with a backoff when it dies, given up after repeated failed starts); when the
 * request disappears, the job is stopped gracefully (SIGTERM, then killed after its stop timeout).
 * A job that failed is started again only by a new request ({@code lab stream start} again).
 */
final class OnDemandJobs {

    private static final Duration POLL = Duration.ofMillis(250);

    private final Map<String, OnDemandJob> jobs = new LinkedHashMap<>();
    private final Supplier<List<LabService>> services;
    /** The jobs as last refreshed: what other threads read, so they never wait for the watcher. */
    private volatile List<OnDemandJob> listed = List.of();
    private final Path runDir;
    private final WantedJobs wanted;
    private final Consumer<ServiceStatus> onChange;
    private final Thread watcher = new Thread(this::watch, "jobs-watcher");
    private volatile boolean stopping;

    OnDemandJobs(List<LabService> services, Path runDir, Consumer<ServiceStatus> onChange) {
        this(() -> services, runDir, onChange);
    }

    /** @param services the jobs as they are now; asked again at every poll (jobs may come and go) */
    OnDemandJobs(Supplier<List<LabService>> services, Path runDir, Consumer<ServiceStatus> onChange) {
        this.services = services;
        this.runDir = runDir;
        this.wanted = WantedJobs.in(runDir);
        this.onChange = onChange;
        refreshJobs();
        watcher.setDaemon(true);
    }

    /** Takes in jobs newly listed; forgets those no longer listed unless they run. */
    private synchronized void refreshJobs() {
        List<LabService> current = services.get();
        for (LabService service : current) {
            jobs.computeIfAbsent(service.name(), name -> new OnDemandJob(service, PidFile.of(runDir, name)));
        }
        List<String> names = current.stream().map(LabService::name).toList();
        jobs.values().removeIf(job -> !names.contains(job.name()) && job.runner == null);
        this.listed = List.copyOf(jobs.values());
    }

    void start() {
        watcher.start();
    }

    /** Every job's status; never blocks (the supervisor writes state while a job is being stopped). */
    List<ServiceStatus> statuses() {
        return listed.stream().map(OnDemandJob::status).toList();
    }

    /** For each job that runs, the request its run answers (so `lab stream start` sees its own taken up). */
    Map<String, String> requests() {
        Map<String, String> requests = new LinkedHashMap<>();
        listed.stream().filter(job -> job.request != null).forEach(job -> requests.put(job.name(), job.request));
        return requests;
    }

    private void watch() {
        while (!stopping) {
            try {
                reconcile();
            } catch (RuntimeException e) {
                // an unreadable request file must not end the watching for good: say so in the
                // supervisor's log and look again at the next poll
                System.err.println("jobs-watcher: " + e);
            }
            Pause.of(POLL);
        }
    }

    /** Starts the jobs newly wanted, stops those no longer wanted. */
    synchronized void reconcile() {
        refreshJobs();
        for (OnDemandJob job : jobs.values()) {
            if (stopping) {
                return;
            }
            Optional<String> request = wanted.current(job.name());
            if (request.isEmpty()) {
                stopRun(job);
            } else if (job.runner == null || job.failed() && !request.get().equals(job.request)) {
                startRun(job, request.get());
            } else if (!request.get().equals(job.request)) {
                job.request = request.get(); // asked again while it runs: this run answers that request too
                onChange.accept(job.status());
            }
        }
    }

    /** Stops every job and the watching, and waits for both (first thing when the lab stops). */
    void stop() {
        stopping = true;
        // no interrupt: the watcher may be stopping a job right now, and an interrupt would cut its
        // graceful wait short and kill the job; it notices `stopping` within one poll
        synchronized (this) {
            jobs.values().forEach(this::stopRun);
        }
    }

    private void startRun(OnDemandJob job, String request) {
        stopRun(job); // the thread of a run that gave up has ended; this only clears it
        job.request = request;
        job.runner = new ServiceRunner(job.service, job.pidFile, onChange);
        job.thread = new Thread(job.runner, "run-" + job.name());
        job.thread.setDaemon(true);
        job.thread.start();
        onChange.accept(job.status());
    }

    private void stopRun(OnDemandJob job) {
        if (job.runner == null) {
            return;
        }
        job.runner.stop();
        job.thread.interrupt(); // it may be waiting out a backoff
        join(job.thread);
        job.runner = null;
        job.thread = null;
        job.request = null;
        onChange.accept(job.status());
    }

    private static void join(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One job and its current run, if any. */
    private static final class OnDemandJob {
        final LabService service;
        final PidFile pidFile;
        volatile ServiceRunner runner;
        volatile Thread thread;
        volatile String request;

        OnDemandJob(LabService service, PidFile pidFile) {
            this.service = service;
            this.pidFile = pidFile;
        }

        String name() {
            return service.name();
        }

        boolean failed() {
            ServiceRunner current = runner;
            return current != null && current.status().state() == ServiceState.FAILED;
        }

        ServiceStatus status() {
            ServiceRunner current = runner;
            return current != null ? current.status() : notStarted(service);
        }
    }

    /** The status of a job nobody asked for. */
    static ServiceStatus notStarted(LabService service) {
        return new ServiceStatus(service.name(), ServiceState.STOPPED, 0, service.endpoints(), null, null, null, 0,
                "not started: " + service.startCommand(), null, service.logFile().toString());
    }
}
