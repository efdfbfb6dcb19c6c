package lambdalab.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import lambdalab.lab.service.Endpoint;
import lambdalab.lab.service.LabService;
import lambdalab.lab.service.LabServices;
import lambdalab.lab.settings.LabSettings;
import lambdalab.lab.settings.Profile;
import lambdalab.lab.settings.ProfileOfData;
import lambdalab.lab.system.Ports;
import lambdalab.lab.system.Resources;

/**
 * What must hold before the lab starts: its ports free, enough memory for the configured heaps, and
 * enough disk. Each problem comes with its cause and fix, so {@code lab up} can stop before starting
 * anything instead of failing half-way.
 */
public final class Preflight {

    /** Off-heap memory of a JVM beyond its heap (metaspace, code cache, threads, direct buffers). */
    private static final long JVM_OVERHEAD = 300L << 20;
    public static final long MIN_DISK = 1L << 30;
    public static final long LOW_DISK = 5L << 30;

    private Preflight() {
    }

    /** A problem found: fatal ones stop {@code lab up}; warnings are only shown. */
    public record Problem(boolean fatal, String message) {
    }

    public static List<Problem> check(LabSettings settings, LabServices services) {
        List<Problem> problems = new ArrayList<>();
        profileOfData(settings).ifPresent(problems::add);
        problems.addAll(takenPorts(services));
        memory(settings).ifPresent(problems::add);
        disk(settings).ifPresent(problems::add);
        return problems;
    }

    /** A home's data belongs to the profile that made it (see {@link ProfileOfData}). */
    static Optional<Problem> profileOfData(LabSettings settings) {
        Optional<Profile> ofData = ProfileOfData.read(settings);
        if (ofData.isEmpty() || ofData.get() == settings.profile()) {
            return Optional.empty();
        }
        return Optional.of(new Problem(true, "The data in " + settings.dataDir() + " was made by the "
                + ofData.get().settingValue() + " profile, and this lab's profile setting is now "
                + settings.profile().settingValue() + ": their nodes differ. Start it with --profile "
                + ofData.get().settingValue() + ", or delete its data with `./lab reset` first, or use another "
                + "LAB_HOME (troubleshooting.md#profile-mismatch)."));
    }

    static List<Problem> takenPorts(LabServices services) {
        List<Problem> problems = new ArrayList<>();
        for (LabService service : services.all()) {
            for (Endpoint endpoint : service.endpoints()) {
                if (!Ports.isFree(endpoint.host(), endpoint.port())) {
                    String owner = Ports.describeOwner(endpoint.port()).orElse("an unknown process");
                    problems.add(new Problem(true, "Port " + endpoint.port() + " (" + service.name() + " "
                            + endpoint.purpose() + ") is taken by " + owner + ". Stop that process, or set another port "
                            + "in $LAB_HOME/lab.properties (see `./lab doctor`; troubleshooting.md#port-in-use)."));
                }
            }
        }
        return problems;
    }

    /** The memory the services need: their heaps plus a JVM's overhead each, for as many nodes as the profile runs. */
    public static long requiredMemory(LabSettings settings) {
        Profile profile = settings.profile();
        int hdfsDaemons = 1 + profile.dataNodes();
        long heaps = profile.kafkaNodes() * Resources.parseSize(settings.get("kafka.heap"))
                + profile.cassandraNodes() * Resources.parseSize(settings.get("cassandra.heap"))
                + hdfsDaemons * Resources.parseSize(settings.get("hdfs.heap"));
        int jvms = profile.kafkaNodes() + profile.cassandraNodes() + hdfsDaemons;
        if (profile.sparkCluster()) {
            // the master and the workers, and what the workers may give executors (a job takes it all)
            int sparkDaemons = 1 + profile.sparkWorkers();
            heaps += sparkDaemons * Resources.parseSize(settings.get("spark.daemon.heap"))
                    + profile.sparkWorkers() * Resources.parseSize(settings.get("spark.worker.memory"));
            jvms += sparkDaemons + profile.sparkWorkers();
        }
        return heaps + jvms * JVM_OVERHEAD;
    }

    static Optional<Problem> memory(LabSettings settings) {
        OptionalLong available = Resources.availableMemory();
        long required = requiredMemory(settings);
        if (available.isPresent() && available.getAsLong() < required) {
            String services = settings.profile() == Profile.SINGLE ? "The services" : "The services of the cluster profile";
            return Optional.of(new Problem(true, services + " need about "
                    + Resources.formatBytes(required) + " of memory and only "
                    + Resources.formatBytes(available.getAsLong()) + " is available. Close other programs, or lower "
                    + "kafka.heap, cassandra.heap, hdfs.heap" + (settings.profile().sparkCluster()
                    ? ", spark.daemon.heap, spark.worker.memory" : "") + " in $LAB_HOME/lab.properties "
                    + "(troubleshooting.md#no-memory)."));
        }
        return Optional.empty();
    }

    static Optional<Problem> disk(LabSettings settings) {
        long usable = Resources.usableDisk(settings.home());
        if (usable < MIN_DISK) {
            return Optional.of(new Problem(true, "Only " + Resources.formatBytes(usable) + " of disk is free at "
                    + settings.home() + "; the lab needs at least 1 GB. Free some space (troubleshooting.md#disk-full)."));
        }
        if (usable < LOW_DISK) {
            return Optional.of(new Problem(false, "Only " + Resources.formatBytes(usable)
                    + " of disk is free at " + settings.home() + "; the course's exercises fill a few GB."));
        }
        return Optional.empty();
    }
}
