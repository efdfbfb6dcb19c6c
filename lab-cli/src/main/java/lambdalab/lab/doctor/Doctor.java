package lambdalab.lab.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import lambdalab.course.LabEndpoints;
import lambdalab.course.exercises.operations.ConsistencyLevel;
import lambdalab.course.exercises.operations.ReadYourWritesSolution;
import lambdalab.course.kafka.KafkaTopics;
import lambdalab.lab.Lab;
import lambdalab.lab.Preflight;
import lambdalab.lab.service.Endpoint;
import lambdalab.lab.service.Health;
import lambdalab.lab.service.LabService;
import lambdalab.lab.service.ModuleService;
import lambdalab.lab.supervisor.PidFile;
import lambdalab.lab.system.LabProcesses;
import lambdalab.lab.system.Ports;
import lambdalab.lab.system.Resources;

/**
 * {@code lab doctor}: Java, build and class archives, memory, disk, ports (and who holds a taken
 * one), each service's health, listeners off loopback, and known errors in the logs with their fixes.
 */
public final class Doctor {

    /** Where the VM's provisioning (provisioning/30-lab-service.sh) installs the lab's system service. */
    static final Path SYSTEM_UNIT = Path.of("/etc/systemd/system/lambda-lab.service");

    private final Lab lab;

    public Doctor(Lab lab) {
        this.lab = lab;
    }

    public List<Check> run() {
        List<Check> checks = new ArrayList<>();
        checks.add(java());
        checks.add(Check.ok("profile", lab.settings().profile().describe()));
        checks.add(consistency(lab.endpoints().replication()));
        checks.addAll(build());
        checks.add(classArchives());
        checks.add(memory());
        checks.add(disk());
        boolean running = lab.runningSupervisor().isPresent();
        checks.add(running ? Check.ok("supervisor", "running, PID " + lab.runningSupervisor().get().pid())
                : runsAsSystemService(SYSTEM_UNIT, lab.settings().home())
                        ? Check.warn("supervisor", "not running: this lab is the system service lambda-lab.service; "
                                + "`sudo systemctl start lambda-lab` starts it, `journalctl -u lambda-lab` says why it "
                                + "stopped (troubleshooting.md#vm-services-after-reboot)")
                        : Check.warn("supervisor", "not running: `./lab up` starts the lab"));
        for (LabService service : lab.services().all()) {
            Optional<ProcessHandle> process = processOf(service);
            checks.addAll(ports(service, process));
            if (running) {
                checks.add(health(service));
            }
            process.ifPresent(p -> checks.addAll(loopbackOnly(service.name(), p.pid())));
            checks.addAll(knownErrors(service.name(), service.logFile()));
        }
        checks.addAll(knownErrors(Lab.SUPERVISOR, lab.settings().logsDir().resolve(Lab.SUPERVISOR + ".log")));
        if (running) {
            logRetention().ifPresent(checks::add);
        }
        return checks;
    }

    /**
     * Whether the clickstream topic still holds its whole history (offset 0 of every partition): a
     * Kappa replay recomputes a view from it, and events retention deleted are gone from any new
     * version. Nothing to say while the topic does not exist or Kafka does not answer (its own check says so).
     */
    private Optional<Check> logRetention() {
        String topic = lab.settings().get("stream.topic");
        String bootstrap = lab.endpoints().kafkaBootstrapServers();
        try {
            if (!KafkaTopics.exists(bootstrap, topic)) {
                return Optional.empty();
            }
            return Optional.of(retentionCheck(topic, KafkaTopics.earliestOffsets(bootstrap, topic)));
        } catch (RuntimeException kafkaDown) {
            return Optional.empty();
        }
    }

    static Check retentionCheck(String topic, Map<Integer, Long> earliest) {
        Map<Integer, Long> trimmed = new TreeMap<>(earliest);
        trimmed.values().removeIf(offset -> offset == 0);
        if (trimmed.isEmpty()) {
            return Check.ok("log " + topic, "holds its whole history from offset 0 (a Kappa replay can recompute it)");
        }
        return Check.warn("log " + topic, "no longer holds offset 0 (earliest offset per partition: " + trimmed
                + "): retention deleted the start of the history, and a Kappa replay computes a view without it "
                + "(troubleshooting.md#kappa-log-trimmed)");
    }

    /**
     * Whether a read of the views sees every write the jobs made, at the level the jobs and the
     * serving layer use with this many copies, and how many nodes each survives losing: exercise
     * 11.read-your-writes' reference solution decides.
     */
    static Check consistency(int replication) {
        String used = LabEndpoints.cassandraConsistency(replication);
        ConsistencyLevel level = ConsistencyLevel.valueOf(used.replace("LOCAL_", ""));
        int replicas = ReadYourWritesSolution.replicas(level, replication);
        String text = String.format("the jobs and the serving layer read and write at %s with %d cop%s of each row: %d +"
                + " %d of %d replicas", used, replication, replication == 1 ? "y" : "ies", replicas, replicas, replication);
        if (!new ReadYourWritesSolution().readSeesLatestWrite(level, level, replication)) {
            return Check.warn("consistency", text + ", so a read may miss the latest write");
        }
        return Check.ok("consistency", text + ", so a read sees every write; each survives "
                + ReadYourWritesSolution.replicasThatMayBeDown(level, replication) + " node(s) down");
    }

    /** Whether a systemd unit (the VM's) runs the lab instance in {@code home}. */
    static boolean runsAsSystemService(Path unitFile, Path home) {
        try {
            return Files.isRegularFile(unitFile) && Files.readAllLines(unitFile).stream()
                    .anyMatch(line -> line.strip().equals("Environment=LAB_HOME=" + home));
        } catch (IOException e) {
            return false;
        }
    }

    static Check java() {
        int feature = Runtime.version().feature();
        String text = "Java " + Runtime.version() + " at " + System.getProperty("java.home");
        return feature >= 17 ? Check.ok("java", text)
                : Check.fail("java", text + ": the lab needs Java 17 or newer (troubleshooting.md#java-version)");
    }

    private List<Check> build() {
        List<Check> checks = new ArrayList<>();
        for (LabService service : lab.services().all()) {
            try {
                service.command();
                checks.add(Check.ok("build", service.name() + ": classpath and JVM options resolve"));
            } catch (RuntimeException e) {
                checks.add(Check.fail("build", service.name() + ": " + e.getMessage()));
            }
        }
        return checks;
    }

    /** The services' class archives of this build: without one a start is slower (`lab prepare` writes them). */
    private Check classArchives() {
        if (!lab.settings().classSharing()) {
            return Check.ok("build", "class sharing is off (setting class.sharing)");
        }
        List<String> withoutArchive = new ArrayList<>();
        for (LabService service : lab.services().all()) {
            try {
                if (service instanceof ModuleService module && !module.classDataSharing().exists()) {
                    withoutArchive.add(service.name());
                }
            } catch (RuntimeException e) {
                // a module that is not built: the build check above says so
            }
        }
        return classArchivesCheck(withoutArchive);
    }

    static Check classArchivesCheck(List<String> withoutArchive) {
        return withoutArchive.isEmpty() ? Check.ok("build", "every service has its class archive")
                : Check.warn("build", "no class archive yet for " + String.join(", ", withoutArchive) + ": the next "
                        + "start of each loads its classes from the jars and is slower; `./lab prepare` writes them "
                        + "(troubleshooting.md#prepare)");
    }

    private Check memory() {
        long required = Preflight.requiredMemory(lab.settings());
        OptionalLong available = Resources.availableMemory();
        if (available.isEmpty()) {
            return Check.warn("memory", "cannot read available memory; the services need about " + Resources.formatBytes(required));
        }
        String text = Resources.formatBytes(available.getAsLong()) + " available; the services need about "
                + Resources.formatBytes(required) + " (heaps + JVM overhead, " + lab.services().all().size() + " JVMs"
                + (lab.settings().profile().sparkCluster() ? ", and the memory the Spark workers may give executors" : "")
                + ")";
        boolean enough = available.getAsLong() >= required || lab.runningSupervisor().isPresent();
        return enough ? Check.ok("memory", text) : Check.fail("memory", text + " (troubleshooting.md#no-memory)");
    }

    private Check disk() {
        long usable = Resources.usableDisk(lab.settings().home());
        String text = Resources.formatBytes(usable) + " free at " + lab.settings().home();
        if (usable < Preflight.MIN_DISK) {
            return Check.fail("disk", text + ": the lab needs at least 1 GB (troubleshooting.md#disk-full)");
        }
        return usable < Preflight.LOW_DISK ? Check.warn("disk", text + ": the exercises fill a few GB") : Check.ok("disk", text);
    }

    private Optional<ProcessHandle> processOf(LabService service) {
        OptionalLong pid = PidFile.of(lab.settings().runDir(), service.name()).read();
        return pid.isPresent() ? LabProcesses.findOurs(pid.getAsLong(), lab.settings().home(), service.name())
                : Optional.empty();
    }

    private static List<Check> ports(LabService service, Optional<ProcessHandle> process) {
        List<Check> checks = new ArrayList<>();
        List<Integer> ownPorts = process.map(p -> Ports.listenersOf(p.pid()).stream().map(Ports.Listener::port).toList())
                .orElse(List.of());
        for (Endpoint endpoint : service.endpoints()) {
            String subject = "port " + endpoint.port();
            if (ownPorts.contains(endpoint.port())) {
                checks.add(Check.ok(subject, service.name() + " " + endpoint.purpose() + " listens on " + endpoint.address()));
            } else if (Ports.isFree(endpoint.host(), endpoint.port())) {
                checks.add(Check.ok(subject, "free for " + service.name() + " " + endpoint.purpose()));
            } else {
                checks.add(Check.fail(subject, "needed by " + service.name() + " " + endpoint.purpose() + ", taken by "
                        + Ports.describeOwner(endpoint.port()).orElse("an unknown process")
                        + ": stop it or change the port in $LAB_HOME/lab.properties (troubleshooting.md#port-in-use)"));
            }
        }
        return checks;
    }

    private static Check health(LabService service) {
        Health health = service.checkReady();
        return health.ready() ? Check.ok(service.name(), health.detail())
                : Check.fail(service.name(), "not healthy: " + health.detail() + "; see " + service.logFile());
    }

    private static List<Check> loopbackOnly(String name, long pid) {
        return Ports.listenersOf(pid).stream().filter(l -> !l.loopback())
                .map(l -> Check.fail(name, "listens on " + l.address() + ":" + l.port()
                        + ", which is reachable from other machines; the lab binds to 127.0.0.1 only "
                        + "(bind.address setting; troubleshooting.md#listener-off-loopback)"))
                .toList();
    }

    private static List<Check> knownErrors(String name, Path log) {
        return KnownErrors.scanTail(log).stream()
                .map(f -> Check.warn(name, "log shows: " + f.line() + "\n       cause: " + f.error().cause()
                        + "\n       fix:   " + f.error().fix() + " (" + f.error().reference() + ")"))
                .toList();
    }
}
