package lambdalab.lab.supervisor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import lambdalab.lab.service.ClassDataSharing;
import lambdalab.lab.service.LabService;
import lambdalab.lab.settings.LabSettings;

/**
 * Runs every service of one lab instance as a child JVM, one {@link ServiceRunner} thread each (so
 * they start in parallel), runs the on-demand jobs while they are wanted ({@link OnDemandJobs}), and
 * keeps {@code run/state.json} and the PID files current.
 * It runs either in the background process {@code lab up} spawns, or attached ({@code --foreground}).
 */
public final class Supervisor {

    private final LabSettings settings;
    private final StateFile stateFile;
    private final Map<String, ServiceRunner> runners = new LinkedHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Instant startedAt = Instant.now();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final Consumer<ServiceStatus> listener;
    private final OnDemandJobs jobs;

    /**
     * @param services started at once and kept running
     * @param jobs     run only while wanted ({@link WantedJobs}: {@code lab stream start} asks for one)
     */
    public Supervisor(LabSettings settings, List<LabService> services, List<LabService> jobs,
                      Consumer<ServiceStatus> listener) {
        this(settings, services, () -> jobs, listener);
    }

    /**
     * @param jobs the on-demand jobs as they are now, asked for again as the jobs are watched (the
     *             Kappa versions come and go)
     */
    public Supervisor(LabSettings settings, List<LabService> services, Supplier<List<LabService>> jobs,
                      Consumer<ServiceStatus> listener) {
        this.settings = settings;
        this.stateFile = new StateFile(settings.runDir());
        this.listener = listener;
        for (LabService service : services) {
            PidFile pidFile = PidFile.of(settings.runDir(), service.name());
            runners.put(service.name(), new ServiceRunner(service, pidFile, this::changed));
        }
        this.jobs = new OnDemandJobs(jobs, settings.runDir(), this::changed);
    }

    /**
     * Starts every service, and watches for wanted jobs; returns at once (see {@link #state()} and
     * {@link #awaitStop()}).
     */
    public synchronized void start() {
        PidFile.of(settings.runDir(), "supervisor").write(ProcessHandle.current().pid());
        writeState();
        runners.values().forEach(runner -> {
            Thread thread = new Thread(runner, "run-" + runner.status().name());
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        });
        jobs.start();
    }

    public LabState state() {
        List<ServiceStatus> services = runners.values().stream().map(ServiceRunner::status).toList();
        return new LabState(ProcessHandle.current().pid(), settings.home().toString(), startedAt, services,
                jobs.statuses(), jobs.requests());
    }

    /**
     * Stops the jobs first (a job finishing its micro-batch still needs Kafka, HDFS and Cassandra)
     * and any class archive being written for one, then every service (all at once, each gracefully
     * then by force), and removes the PID files.
     */
    public void stop() {
        if (!stopRequested.compareAndSet(false, true)) {
            awaitStop();
            return;
        }
        jobs.stop();
        ClassDataSharing.stopDumps();
        List<Thread> stoppers = new ArrayList<>();
        for (ServiceRunner runner : runners.values()) {
            Thread stopper = new Thread(runner::stop, "stop-" + runner.status().name());
            stoppers.add(stopper);
            stopper.start();
        }
        for (Thread stopper : stoppers) {
            join(stopper);
        }
        for (Thread thread : threads) {
            thread.interrupt();
        }
        writeState();
        PidFile.of(settings.runDir(), "supervisor").delete();
        stopped.countDown();
    }

    /** Blocks until {@link #stop()} has finished. */
    public void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void changed(ServiceStatus status) {
        writeState();
        listener.accept(status);
    }

    private synchronized void writeState() {
        stateFile.write(state());
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
