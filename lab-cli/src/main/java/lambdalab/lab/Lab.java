package lambdalab.lab;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import lambdalab.course.LabEndpoints;
import lambdalab.course.kappa.KappaVersion;
import lambdalab.lab.service.ClassDataSharing;
import lambdalab.lab.service.Endpoint;
import lambdalab.lab.service.KappaJobService;
import lambdalab.lab.service.KappaVersions;
import lambdalab.lab.service.LabService;
import lambdalab.lab.service.LabServices;
import lambdalab.lab.service.PlusAppService;
import lambdalab.lab.service.PlusSpeedService;
import lambdalab.lab.service.ServiceModule;
import lambdalab.lab.service.SparkDaemon;
import lambdalab.lab.service.StreamJobService;
import lambdalab.lab.settings.LabSettings;
import lambdalab.lab.settings.ProfileOfData;
import lambdalab.lab.settings.RepoLayout;
import lambdalab.lab.supervisor.LabState;
import lambdalab.lab.supervisor.PidFile;
import lambdalab.lab.supervisor.ServiceState;
import lambdalab.lab.supervisor.ServiceStatus;
import lambdalab.lab.supervisor.StateFile;
import lambdalab.lab.supervisor.WantedJobs;
import lambdalab.lab.system.Directories;
import lambdalab.lab.system.LabProcesses;
import lambdalab.lab.system.Ports;
import lambdalab.lab.system.Pause;

/**
 * One lab instance (a home directory with its settings): start it with a background supervisor,
 * find out what runs, and stop it leaving nothing behind. Used by the CLI and by the test fixture.
 */
public final class Lab {

    public static final String SUPERVISOR = "supervisor";
    private static final Duration POLL = Duration.ofMillis(200);
    /**
     * The supervisor's JVM options (its class archive's aside). The JVM's default first heap is 1/64
     * of the machine's memory: all 128m on a large one, and a heap that size is resident in full once
     * the young generation has cycled; 16m grows as needed.
     */
    private static final List<String> SUPERVISOR_JVM_OPTIONS = List.of("-Xms16m", "-Xmx128m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    private final LabSettings settings;
    private final RepoLayout repo;
    private final LabServices services;
    private final StreamJobService streamJob;
    private final PlusAppService plusApp;
    private final PlusSpeedService plusSpeed;
    private final StateFile stateFile;

    public Lab(LabSettings settings, RepoLayout repo) {
        this.settings = settings;
        this.repo = repo;
        this.services = LabServices.of(settings, repo);
        this.streamJob = new StreamJobService(settings, endpoints(), services.sparkSubmission());
        this.plusApp = new PlusAppService(settings, endpoints(), ServiceModule.application("sensor-app",
                repo.root().resolve("sensor-app")));
        this.plusSpeed = new PlusSpeedService(settings, endpoints());
        this.stateFile = new StateFile(settings.runDir());
    }

    public LabSettings settings() {
        return settings;
    }

    public LabServices services() {
        return services;
    }

    /** The speed-layer job, which the supervisor runs only on request ({@code lab stream start}). */
    public StreamJobService streamJob() {
        return streamJob;
    }

    /** The Lambda+ application server (HTTP ingest and dashboard), run on request ({@code lab plus start}). */
    public PlusAppService plusApp() {
        return plusApp;
    }

    /** The Lambda+ speed job, run on request ({@code lab plus start}). */
    public PlusSpeedService plusSpeed() {
        return plusSpeed;
    }

    /**
     * The on-demand jobs; the supervisor runs each while it is wanted ({@link WantedJobs}). The Kappa
     * jobs are one per version the lab has ({@link KappaVersions}): the list grows with `lab kappa
     * replay` and shrinks with `lab kappa drop`, and the supervisor asks for it again as it watches.
     */
    public List<LabService> jobs() {
        List<LabService> jobs = new ArrayList<>(List.of(streamJob, plusApp, plusSpeed));
        kappaVersions().all().forEach(version -> jobs.add(kappaJob(version)));
        return jobs;
    }

    /** The folders of the Kappa versions (their changes and checkpoints). */
    public KappaVersions kappaVersions() {
        return new KappaVersions(settings);
    }

    /** The job of one Kappa version ({@code kappa-v2}). */
    public KappaJobService kappaJob(KappaVersion version) {
        return new KappaJobService(settings, endpoints(), version);
    }

    public WantedJobs wantedJobs() {
        return WantedJobs.in(settings.runDir());
    }

    /** Where this instance's services are, for the course's jobs. */
    public LabEndpoints endpoints() {
        return new LabEndpoints(services.kafkaBootstrapServers(), settings.get("advertised.host"),
                settings.port("cassandra.port"), services.nameNode().defaultFs(), settings.profile().replication());
    }

    /** The supervisor of this home, if one runs (a PID file of a dead or foreign process does not count). */
    public Optional<ProcessHandle> runningSupervisor() {
        OptionalLong pid = PidFile.of(settings.runDir(), SUPERVISOR).read();
        return pid.isPresent() ? LabProcesses.findOurs(pid.getAsLong(), settings.home(), SUPERVISOR) : Optional.empty();
    }

    /** What the supervisor last wrote, if it ever ran in this home. */
    public Optional<LabState> lastState() {
        return stateFile.read();
    }

    /**
     * Starts the lab with a supervisor in the background and waits until every service is ready.
     *
     * @param exitWithPid if set, the supervisor stops the lab when that process ends (tests use it)
     * @return true if every service became ready; false after a failure (the lab is then stopped again)
     */
    public boolean startInBackground(PrintStream out, OptionalLong exitWithPid) {
        clearStaleProcesses(out);
        if (!passesPreflight(out)) {
            return false;
        }
        stateFile.delete();
        Process supervisor = spawnSupervisor(exitWithPid);
        boolean ready = new StartupProgress(out, services.names()).await(this::lastState, supervisor.toHandle(),
                Duration.ofSeconds(settings.seconds("ready.timeout.seconds") + 60), POLL);
        if (!ready) {
            out.println("Stopping what was started. Logs stay in " + settings.logsDir() + ".");
            stop(out);
        }
        return ready;
    }

    /** Starts the lab in the background unless it runs: for commands that need it (demo, notebooks). */
    public boolean ensureRunning(PrintStream out, String prefix) {
        if (runningSupervisor().isPresent()) {
            return true;
        }
        out.println(prefix + "the lab is not running: starting it ...");
        return startInBackground(out, OptionalLong.empty());
    }

    /**
     * Prints every preflight problem; false if one of them forbids starting. When it passes, the
     * data the start is about to make is recorded as this profile's.
     */
    public boolean passesPreflight(PrintStream out) {
        List<Preflight.Problem> problems = Preflight.check(settings, services);
        problems.forEach(p -> out.println((p.fatal() ? "ERROR: " : "WARNING: ") + p.message()));
        boolean passes = problems.stream().noneMatch(Preflight.Problem::fatal);
        if (passes) {
            ProfileOfData.write(settings);
        }
        return passes;
    }

    private Process spawnSupervisor(OptionalLong exitWithPid) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid"); // its own session: closing the terminal does not stop the lab
        }
        command.addAll(supervisorCommand());
        exitWithPid.ifPresent(pid -> command.addAll(List.of("--exit-with", Long.toString(pid))));
        Path log = settings.logsDir().resolve(SUPERVISOR + ".log");
        try {
            Files.createDirectories(log.getParent());
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the supervisor", e);
        }
    }

    /**
     * The supervisor JVM's command line ({@code lab supervise}), marked with this home so that
     * {@link #runningSupervisor()} can tell it from any other process.
     */
    public List<String> supervisorCommand() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(SUPERVISOR_JVM_OPTIONS);
        String classpath = SupervisorJars.copy(System.getProperty("java.class.path"), repo.root(), repo.supervisorJars());
        command.addAll(supervisorClassSharing(classpath));
        command.add("-Dlab.repo=" + repo.root());
        command.add(LabService.HOME_MARKER + settings.home());
        command.add(LabService.SERVICE_MARKER + SUPERVISOR);
        command.addAll(List.of("-cp", classpath, "lambdalab.lab.cli.LabCommand", "supervise", "--home",
                settings.home().toString()));
        settings.overrides().forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
        return command;
    }

    /**
     * The supervisor starts on every `lab up`: map its classes from an archive like the services do, or
     * list them for one ({@link #archiveSupervisorClassesLater}).
     */
    private List<String> supervisorClassSharing(String classpath) {
        Optional<ClassDataSharing> archive = supervisorArchive(classpath);
        if (archive.isEmpty()) {
            return List.of();
        }
        archive.get().deleteOutdatedArchives();
        try {
            Files.createDirectories(settings.runDir()); // the JVM writes its list there from its first class on
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + settings.runDir(), e);
        }
        return archive.get().optionsListingClasses(supervisorClassList());
    }

    /**
     * Run in the supervisor once every service is ready: unless its class archive exists, has it written
     * from the classes it listed, with its readiness checks' clients among them.
     */
    public void archiveSupervisorClassesLater() {
        String classpath = System.getProperty("java.class.path");
        supervisorArchive(classpath).ifPresent(archive -> archive.dumpLater(ProcessHandle.current(),
                supervisorClassList(), SUPERVISOR_JVM_OPTIONS, List.of(classpath.split(File.pathSeparator))));
    }

    /**
     * The supervisor's class archive: the build's, since every home's supervisor runs on the same jars
     * (SupervisorJars); {@code class.sharing.dir} puts it elsewhere. Only for a classpath of jars (the
     * JVM cannot archive classes from folders).
     */
    private Optional<ClassDataSharing> supervisorArchive(String supervisorClasspath) {
        List<String> classpath = List.of(supervisorClasspath.split(File.pathSeparator));
        if (!ClassDataSharing.canArchive(classpath) || !settings.classSharing()) {
            return Optional.empty();
        }
        return Optional.of(new ClassDataSharing(settings.classArchives(repo.classArchives()), SUPERVISOR,
                String.join(" ", SUPERVISOR_JVM_OPTIONS) + ClassDataSharing.describe(classpath)));
    }

    private Path supervisorClassList() {
        return settings.runDir().resolve(SUPERVISOR + ClassDataSharing.CLASS_LIST_SUFFIX);
    }

    /**
     * The JVMs of this instance whose class archive is still to be written, by name: a JVM started
     * without one lists the classes it loads into {@code NAME-classes.lst} (the supervisor in the run
     * folder, services and jobs in the temporary one), and that list is deleted once the archive
     * exists ({@link ClassDataSharing#dumpFromClassList}).
     */
    public List<String> classArchivesPending() {
        String suffix = ClassDataSharing.CLASS_LIST_SUFFIX;
        List<String> pending = new ArrayList<>();
        for (Path dir : List.of(settings.runDir(), settings.tmpDir())) {
            try (DirectoryStream<Path> lists = Files.newDirectoryStream(dir, "*" + suffix)) {
                lists.forEach(list -> pending.add(list.getFileName().toString().replace(suffix, "")));
            } catch (NoSuchFileException e) {
                // nothing started there yet
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + dir, e);
            }
        }
        return pending;
    }

    /**
     * After a crash: removes PID files of processes that are gone, stops services and jobs a dead
     * supervisor left running (they would hold the ports), and forgets job requests, so that the
     * next {@code lab up} starts the services only.
     */
    public void clearStaleProcesses(PrintStream out) {
        if (runningSupervisor().isPresent()) {
            return; // a live supervisor owns its PID files and job requests
        }
        PidFile.of(settings.runDir(), SUPERVISOR).delete();
        wantedJobs().withdrawAll();
        List<LabService> supervised = new ArrayList<>(jobs()); // jobs first: they use the services
        supervised.addAll(services.all());
        for (LabService service : supervised) {
            PidFile pidFile = PidFile.of(settings.runDir(), service.name());
            OptionalLong pid = pidFile.read();
            if (pid.isPresent()) {
                LabProcesses.findOurs(pid.getAsLong(), settings.home(), service.name()).ifPresent(orphan -> {
                    out.println("Found " + service.name() + " (PID " + orphan.pid()
                            + ") left running by a supervisor that died; stopping it.");
                    LabProcesses.stop(orphan, service.stopTimeout());
                });
                pidFile.delete();
            }
        }
    }

    /**
     * Withdraws every job request (the next {@code lab up} starts the services only), stops the
     * supervisor (which stops the jobs, then every service, each gracefully, then by force), then
     * anything a dead supervisor left behind, and waits until the lab's ports are free.
     *
     * @return the ports still taken afterwards (empty when everything stopped)
     */
    public List<Endpoint> stop(PrintStream out) {
        wantedJobs().withdrawAll();
        Optional<ProcessHandle> supervisor = runningSupervisor();
        if (supervisor.isPresent()) {
            out.println("Stopping the lab (supervisor PID " + supervisor.get().pid() + ")...");
            for (LabService job : jobs()) {
                jobStatus().stream().filter(s -> s.name().equals(job.name()) && s.pid() > 0).forEach(s -> out.println(
                        "The " + job.name() + " job (PID " + s.pid() + ") stops first, while the services still run "
                                + "(it may take up to " + job.stopTimeout().toSeconds() + " s)."));
            }
            // the supervisor gives the jobs their stop timeout, then each service stop.timeout.seconds
            // (in parallel), before killing it
            Duration jobs = jobs().stream().map(LabService::stopTimeout).reduce(Duration.ZERO, Duration::plus);
            LabProcesses.stop(supervisor.get(), jobs.plus(stopTimeout()).plusSeconds(30));
        }
        clearStaleProcesses(out);
        return awaitPortsFree(Duration.ofSeconds(10));
    }

    private List<Endpoint> awaitPortsFree(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<Endpoint> taken = services.all().stream().flatMap(s -> s.endpoints().stream())
                    .filter(e -> !Ports.isFree(e.host(), e.port())).toList();
            if (taken.isEmpty() || Instant.now().isAfter(deadline)) {
                return taken;
            }
            Pause.of(POLL);
        }
    }

    /** Current status of each service: the supervisor's view, checked against the live processes. */
    public List<ServiceStatus> status() {
        boolean supervised = runningSupervisor().isPresent();
        Map<String, ServiceStatus> known = new HashMap<>();
        lastState().ifPresent(state -> state.services().forEach(s -> known.put(s.name(), s)));
        List<ServiceStatus> result = new ArrayList<>();
        for (LabService service : services.all()) {
            ServiceStatus status = known.get(service.name());
            boolean alive = status != null && status.pid() > 0
                    && LabProcesses.findOurs(status.pid(), settings.home(), service.name()).isPresent();
            if (status == null || !supervised && !alive) {
                status = new ServiceStatus(service.name(), ServiceState.STOPPED, 0, service.endpoints(),
                        service.ui().orElse(null), null, null, status == null ? 0 : status.restarts(),
                        supervised ? "not started yet" : "not running", null, service.logFile().toString());
            }
            result.add(status);
        }
        return result;
    }

    /**
     * Current status of each on-demand job: the supervisor's view, checked against the live process;
     * STOPPED with how to start it when it was not asked for.
     */
    public List<ServiceStatus> jobStatus() {
        boolean supervised = runningSupervisor().isPresent();
        Optional<LabState> state = lastState();
        List<ServiceStatus> result = new ArrayList<>();
        for (LabService job : jobs()) {
            ServiceStatus status = state.flatMap(s -> s.job(job.name())).orElse(null);
            boolean alive = status != null && status.pid() > 0
                    && LabProcesses.findOurs(status.pid(), settings.home(), job.name()).isPresent();
            if (status == null || !supervised && !alive) {
                status = new ServiceStatus(job.name(), ServiceState.STOPPED, 0, job.endpoints(), null, null, null,
                        status == null ? 0 : status.restarts(),
                        supervised ? "not started: " + job.startCommand() : "not running (the lab is down)",
                        null, job.logFile().toString());
            }
            result.add(status);
        }
        return result;
    }

    /** Deletes the instance's data, configs, logs and run files; keeps lab.properties. The lab must be stopped. */
    public void wipe() {
        for (Path dir : List.of(settings.dataDir(), settings.confDir(), settings.logsDir(), settings.runDir(),
                settings.tmpDir(), settings.home().resolve("cds"), SparkDaemon.sparkHome(settings).dir())) {
            Directories.deleteRecursively(dir);
        }
    }

    private Duration stopTimeout() {
        return Duration.ofSeconds(settings.seconds("stop.timeout.seconds"));
    }
}
