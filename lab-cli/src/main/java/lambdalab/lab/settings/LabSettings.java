package lambdalab.lab.settings;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The settings of one lab instance: where it lives, its ports, heaps and log levels.
 *
 * <p>Every value has a documented default ({@link #DEFINITIONS}) and can be overridden, in
 * increasing priority, by {@code $LAB_HOME/lab.properties}, by an environment variable
 * ({@code LAB_} + the key in upper case with dots as underscores, e.g. {@code LAB_KAFKA_PORT})
 * and by explicit overrides (command-line {@code --set key=value}, tests).
 */
public final class LabSettings {

    /** One setting: its key, default value and what it means. */
    public record Definition(String key, String defaultValue, String description) {
        public String environmentVariable() {
            return LabSettings.environmentVariable(key);
        }
    }

    /** The environment variable that sets a key: {@code LAB_} + the key in upper case, dots as underscores. */
    public static String environmentVariable(String key) {
        return "LAB_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
    }

    /** A setting that holds JVM options, space-separated ({@code jobs.jvm.options}...), as a list. */
    public static List<String> optionList(String value) {
        return java.util.Arrays.stream(value.strip().split("\\s+")).filter(option -> !option.isEmpty()).toList();
    }

    public static final List<Definition> DEFINITIONS = List.of(
            new Definition("profile", "single", "how many nodes of each service: single (one of each) or cluster "
                    + "(3 Kafka brokers, 3 Cassandra nodes on 127.0.0.1-3, a NameNode and 3 DataNodes, replication 3, and a "
                    + "Spark standalone master with 2 workers that run the jobs; "
                    + "`lab up --profile cluster` sets it in $LAB_HOME/lab.properties)"),
            new Definition("bind.address", "127.0.0.1", "address every service listens on; widen it only on purpose"),
            new Definition("advertised.host", "127.0.0.1", "host name clients are told to connect to"),
            new Definition("kafka.port", "9092", "Kafka broker (PLAINTEXT listener)"),
            new Definition("kafka.controller.port", "9093", "Kafka KRaft controller listener"),
            new Definition("kafka.heap", "256m", "Kafka JVM heap (-Xms = -Xmx)"),
            new Definition("kafka.log.level", "INFO", "Kafka log level"),
            new Definition("cassandra.port", "9042", "Cassandra CQL native transport"),
            new Definition("cassandra.storage.port", "7000", "Cassandra inter-node storage port"),
            new Definition("cassandra.jmx.port", "7199", "Cassandra JMX (local only; nodetool)"),
            new Definition("cassandra.heap", "512m", "Cassandra JVM heap (-Xms = -Xmx)"),
            new Definition("cassandra.log.level", "INFO", "Cassandra log level"),
            new Definition("hdfs.namenode.port", "9000", "HDFS NameNode RPC (fs.defaultFS)"),
            new Definition("hdfs.namenode.http.port", "9870", "HDFS NameNode web UI and JMX"),
            new Definition("hdfs.datanode.port", "9866", "HDFS DataNode data transfer"),
            new Definition("hdfs.datanode.http.port", "9864", "HDFS DataNode web UI"),
            new Definition("hdfs.datanode.ipc.port", "9867", "HDFS DataNode IPC"),
            new Definition("hdfs.heap", "256m", "most heap of the NameNode and of the DataNode, each (they start at 32m and grow as they need)"),
            new Definition("hdfs.log.level", "INFO", "HDFS daemons' log level"),
            new Definition("spark.master.port", "7077", "Spark standalone master (cluster profile only)"),
            new Definition("spark.master.ui.port", "8090", "Spark master web UI (cluster profile; not Spark's 8080, "
                    + "which Zeppelin takes in the VM)"),
            new Definition("spark.worker.port", "7078", "Spark worker 1 (cluster profile; worker n: plus (n - 1) * 100)"),
            new Definition("spark.worker.ui.port", "8091", "Spark worker 1 web UI (cluster profile; worker n: plus (n - 1) * 100)"),
            new Definition("spark.daemon.heap", "256m", "heap of the Spark master and of each worker process (not of "
                    + "the executors), each"),
            new Definition("spark.worker.cores", "2", "cores each Spark worker offers executors (cluster profile: 2 "
                    + "workers; slots, not the machine's cores: a running speed layer and a `lab batch` each get theirs)"),
            new Definition("spark.worker.memory", "1g", "memory each Spark worker offers executors"),
            new Definition("spark.job.cores", "2", "cores one job submitted to the Spark cluster takes (spark.cores.max), "
                    + "in executors of one core spread over the workers: as local[2] in the single-node lab"),
            new Definition("spark.executor.memory", "512m", "heap of each executor of a job submitted to the Spark "
                    + "cluster (a worker runs as many as spark.worker.memory holds)"),
            new Definition("spark.log.level", "INFO", "log level of the Spark master and workers (executors: WARN)"),
            new Definition("class.sharing", "true", "archive each lab JVM's loaded classes and map them on later starts "
                    + "(faster starts): a JVM without its archive lists its classes and the archive is written beside "
                    + "it once it runs; they are the build's (services/*/target/cds, lab-cli/target/cds), shared by every "
                    + "home"),
            new Definition("class.sharing.dir", "", "where the lab's JVMs keep their class archives "
                    + "instead of the build's folders (`lab bench startup` times a build's first start with a folder "
                    + "of its own)"),
            new Definition("ready.timeout.seconds", "180", "how long `lab up` waits for every service to be ready"),
            new Definition("stop.timeout.seconds", "30", "how long a service gets to stop gracefully before it is killed"),
            new Definition("jobs.jvm.options", "", "extra JVM options of the lab's Spark jobs (stream, plus-speed, "
                    + "kappa-vN), of a demo's batch runs and of the executors of a job submitted to the Spark cluster, "
                    + "space-separated (the test suite's labs use -XX:TieredStopAtLevel=1 -XX:-AlwaysPreTouch: their jobs "
                    + "live for seconds)"),
            new Definition("services.jvm.options", "", "extra JVM options of every service process (Kafka, Cassandra, "
                    + "the HDFS and Spark daemons), space-separated. They run without the optimizing compiler "
                    + "(-XX:TieredStopAtLevel=1, which starts them sooner on few cores); -XX:TieredStopAtLevel=4 "
                    + "here gives it back"),
            new Definition("stream.heap", "512m", "heap of the speed-layer job (`lab stream start`; -Xms = -Xmx)"),
            new Definition("stream.batch.ms", "1000", "the speed-layer job's micro-batch interval, in milliseconds "
                    + "(cluster profile: 3000 unless set)"),
            new Definition("stream.max.rate.per.partition", "250000",
                    "most events per second the speed-layer job reads from one Kafka partition"),
            new Definition("stream.state.timeout.minutes", "120",
                    "how long the speed-layer job keeps the state of a (product, hour) that gets no events"),
            new Definition("stream.window.seconds", "30", "the speed-layer job's window length, in seconds"),
            new Definition("stream.topic", "weblogs-text", "the Kafka topic the speed-layer job reads"),
            new Definition("stream.partitions", "2", "how many partitions that topic has (passed to the job)"),
            new Definition("stream.warm.up", "true", "the speed-layer job runs a batch's work once on generated "
                    + "events before it reads Kafka (a few seconds more to start; without it, the first batches of "
                    + "a fresh JVM take seconds each and a live job falls behind for a minute)"),
            new Definition("stream.stop.timeout.seconds", "90",
                    "how long the speed-layer job gets to finish its micro-batch and stop before it is killed"),
            new Definition("plus.port", "7070", "the Lambda+ app server: sensors' HTTP ingest and the dashboard "
                    + "(`lab plus start`)"),
            new Definition("plus.heap", "256m", "heap of the Lambda+ app server (-Xms = -Xmx)"),
            new Definition("plus.speed.heap", "512m", "heap of the Lambda+ speed job (-Xms = -Xmx)"),
            new Definition("plus.batch.ms", "1000", "the Lambda+ speed job's batch interval, in milliseconds"),
            new Definition("plus.horizon.seconds", "300", "Lambda+: readings older than this are the batch job's; "
                    + "the speed job leaves them, `lab plus batch` recomputes their buckets"),
            new Definition("plus.drills", "true", "whether the Lambda+ app server takes the course's drill "
                    + "(?drill=skip-kafka: a reading lost on its way to the speed layer)"),
            new Definition("kappa.heap", "768m", "heap of each Kappa job version (`lab kappa start|replay`; -Xms = -Xmx)"),
            new Definition("kappa.lateness.minutes", "60", "Kappa: the watermark's lateness in event time; an event "
                    + "for an hour that ended longer ago than this (behind the newest event) is counted as late"),
            new Definition("kappa.trigger.ms", "1000", "the Kappa job's micro-batch interval, in milliseconds"),
            new Definition("kappa.max.offsets.per.partition", "100000",
                    "most records a Kappa micro-batch takes from one partition (bounds a replay's batches)"),
            new Definition("kappa.idle.minutes", "5", "Kappa: a (product, hour) state without events is checked "
                    + "after this long and let go once the watermark closed its hour"),
            new Definition("kappa.stop.timeout.seconds", "60",
                    "how long a Kappa job gets to stop before it is killed"),
            new Definition("stream.main.class", "lambdalab.course.speed.SpeedLayerJob",
                    "the speed-layer job's main class; only the lab's own tests change it (to a test double "
                            + "that exercises the supervision without Spark)"));

    /**
     * Defaults of the cluster profile where a single node's do not fit. Its speed layer runs on
     * executors in two workers beside thirteen other JVMs: a micro-batch costs about 2 s there
     * however few its events (measured on 2 cores), so at 1 s batches the job falls further behind
     * with every batch; at 3 s it keeps up with 1,000 events/s.
     */
    private static final Map<String, String> CLUSTER_DEFAULTS = Map.of("stream.batch.ms", "3000");

    /** Settings that count something: whole numbers above zero. */
    private static final List<String> COUNT_SUFFIXES = List.of(".ms", ".minutes", ".partitions", ".per.partition", ".cores");

    private final Path home;
    private final Map<String, String> values;
    private final Map<String, String> overrides;

    private LabSettings(Path home, Map<String, String> values, Map<String, String> overrides) {
        this.home = home;
        this.values = Collections.unmodifiableMap(values);
        this.overrides = Map.copyOf(overrides);
    }

    /** Loads the settings of the instance at {@code home}, applying file, environment and overrides. */
    public static LabSettings load(Path home, Map<String, String> environment, Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        DEFINITIONS.forEach(d -> values.put(d.key(), d.defaultValue()));
        Map<String, String> explicit = new LinkedHashMap<>();
        Path file = home.resolve("lab.properties");
        if (Files.isRegularFile(file)) {
            putKnown(explicit, values.keySet(), readProperties(file), file.toString());
        }
        for (Definition d : DEFINITIONS) {
            String fromEnvironment = environment.get(d.environmentVariable());
            if (fromEnvironment != null && !fromEnvironment.isBlank()) {
                explicit.put(d.key(), fromEnvironment.trim());
            }
        }
        putKnown(explicit, values.keySet(), overrides, "the command line");
        if (Profile.parse(explicit.getOrDefault("profile", values.get("profile"))).sparkCluster()) {
            values.putAll(CLUSTER_DEFAULTS);
        }
        values.putAll(explicit);
        LabSettings settings = new LabSettings(home.toAbsolutePath().normalize(), values, overrides);
        settings.validate();
        return settings;
    }

    /** Checks every value's kind at once, so a typo fails before anything starts. */
    private void validate() {
        for (String key : values.keySet()) {
            if (key.endsWith(".port")) {
                port(key);
            } else if (key.endsWith(".seconds")) {
                seconds(key);
            } else if (COUNT_SUFFIXES.stream().anyMatch(key::endsWith)) {
                count(key);
            } else if ((key.endsWith(".heap") || key.endsWith(".memory")) && !get(key).matches("[0-9]+[kKmMgG]?")) {
                throw new SettingsException("Setting " + key + " must be a size like 512m or 1g, not '" + get(key) + "'.");
            }
        }
        profile();
    }

    private static void putKnown(Map<String, String> values, Set<String> known, Map<?, ?> source, String origin) {
        source.forEach((key, value) -> {
            if (!known.contains(key.toString())) {
                throw new SettingsException("Unknown setting '" + key + "' in " + origin
                        + ". Known settings: " + String.join(", ", known) + ".");
            }
            values.put(key.toString(), value.toString().trim());
        });
    }

    private static Properties readProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new SettingsException("Cannot read " + file + ": " + e.getMessage());
        }
        return properties;
    }

    public Path home() {
        return home;
    }

    public String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new SettingsException("Unknown setting '" + key + "'.");
        }
        return value;
    }

    /** How many nodes of each service this instance runs. */
    public Profile profile() {
        return Profile.parse(get("profile"));
    }

    public int port(String key) {
        String value = get(key);
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new SettingsException("Setting " + key + " must be a port number (1-65535), not '" + value + "'.");
        }
    }

    public int seconds(String key) {
        String value = get(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new SettingsException("Setting " + key + " must be a whole number of seconds, not '" + value + "'.");
        }
    }

    /** A setting that counts something (milliseconds, partitions, events): a whole number above zero. */
    public long count(String key) {
        String value = get(key);
        try {
            long count = Long.parseLong(value);
            if (count < 1) {
                throw new NumberFormatException();
            }
            return count;
        } catch (NumberFormatException e) {
            throw new SettingsException("Setting " + key + " must be a whole number above zero, not '" + value + "'.");
        }
    }

    /** The explicit overrides this was loaded with (passed on to the background supervisor). */
    public Map<String, String> overrides() {
        return overrides;
    }

    /** Every setting with its value, for rendering config templates. */
    public Map<String, String> asMap() {
        return values;
    }

    public Path dataDir() {
        return home.resolve("data");
    }

    public Path logsDir() {
        return home.resolve("logs");
    }

    public Path runDir() {
        return home.resolve("run");
    }

    public Path confDir() {
        return home.resolve("conf");
    }

    public Path tmpDir() {
        return home.resolve("tmp");
    }

    /** Whether the lab's JVMs map class archives (the setting {@code class.sharing}). */
    public boolean classSharing() {
        return Boolean.parseBoolean(get("class.sharing"));
    }

    /** Where a JVM's class archives are kept: the setting {@code class.sharing.dir}, or else the build's folder given. */
    public Path classArchives(Path buildsFolder) {
        String dir = get("class.sharing.dir");
        return dir.isBlank() ? buildsFolder : Path.of(dir);
    }
}
