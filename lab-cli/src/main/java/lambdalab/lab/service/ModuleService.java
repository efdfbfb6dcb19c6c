package lambdalab.lab.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lambdalab.lab.settings.LabSettings;

/**
 * An infrastructure service run from its folder under services/ ({@link ServiceModule}): that
 * module's Maven-resolved classpath, {@code jvm.options} and config templates, a class-data-sharing
 * archive of its own, and tools (Kafka's perf tool) run with the same classpath.
 */
public abstract class ModuleService extends LabService {

    /**
     * The services run without C2, the optimising compiler, unless {@code services.jvm.options} says
     * otherwise (it comes later, and the last option wins): on 2 cores its compilations at start-up cost
     * more than they give back at a lab's load. {@code lab bench startup}, one run each: a fresh home
     * ready in 11.1 s and a restart in 10.7 s, against 16.8 s and 15.9 s with C2; 1.3 GB resident against
     * 1.4 GB. Kafka even took the generator's events faster ({@code lab bench generate}, two runs of two
     * rounds of 1M events: 500k and 459k events/s, against 390k and 400k).
     */
    private static final String WITHOUT_C2 = "-XX:TieredStopAtLevel=1";

    protected final ServiceModule module;
    /** Which node of its service this is: 1, or 2, 3 ... in the cluster profile ({@link NodeLayout}). */
    protected final int node;
    protected final NodeLayout layout;

    protected ModuleService(LabSettings settings, ServiceModule module, int node) {
        super(settings);
        this.module = module;
        this.node = node;
        this.layout = new NodeLayout(settings);
    }

    public int node() {
        return node;
    }

    /** {@code base} for node 1 (so a single-node lab keeps its names), {@code base-n} for node n. */
    protected String nodeName(String base) {
        return node == 1 ? base : base + "-" + node;
    }

    /** Prepares, and drops class archives of an earlier build. */
    @Override
    public void prepareStart() {
        prepare();
        createDirectories(settings.tmpDir()); // a start without its class archive lists its classes there
        classDataSharing().deleteOutdatedArchives();
    }

    /**
     * A service started without a class archive has one written, in the background, a few seconds after
     * it is ready, from the classes it listed (see {@link ClassDataSharing}).
     */
    @Override
    public void afterReady(ProcessHandle process) {
        if (settings.classSharing()) {
            classDataSharing().dumpLater(process, classList(), baseJvmOptions(), archivedClasspath());
        }
    }

    /**
     * Rendered configs of this instance; services of one module (the NameNode and the first DataNode)
     * share it. Node n of a cluster has its own ({@code conf/kafka-2}).
     */
    public Path confDir() {
        return settings.confDir().resolve(nodeName(module.name()));
    }

    /** Persistent data of this instance, shared like {@link #confDir()}; node n has its own ({@code data/kafka-2}). */
    public Path dataDir() {
        return settings.dataDir().resolve(nodeName(module.name()));
    }

    /**
     * The module's {@code jvm.options}, no C2, the setting {@code services.jvm.options}, and the class archive's
     * options when class sharing is on: map it, or list the classes for it.
     */
    @Override
    protected List<String> jvmOptions() {
        List<String> options = new ArrayList<>(baseJvmOptions());
        if (settings.classSharing()) {
            options.addAll(classDataSharing().optionsListingClasses(classList()));
        }
        return options;
    }

    private List<String> baseJvmOptions() {
        List<String> options = new ArrayList<>(module.jvmOptions(templateValues()));
        options.add(WITHOUT_C2);
        options.addAll(LabSettings.optionList(settings.get("services.jvm.options")));
        return options;
    }

    /**
     * This service's class-data-sharing archive, keyed by what it is made from: its jars and main
     * class, not its instance's paths and heap, so that every home of this build, and every node of
     * a cluster, maps the same one ({@code kafka-KafkaMain-<key>.jsa}). The setting
     * {@code class.sharing.dir} puts it elsewhere (a benchmark's first start of a build).
     */
    public ClassDataSharing classDataSharing() {
        String main = mainClass();
        return new ClassDataSharing(settings.classArchives(module.classArchives()),
                module.name() + "-" + main.substring(main.lastIndexOf('.') + 1),
                main + ClassDataSharing.describe(archivedClasspath()));
    }

    /** The classes a service started without a class archive loads, for the archive. */
    private Path classList() {
        return settings.tmpDir().resolve(name() + ClassDataSharing.CLASS_LIST_SUFFIX);
    }

    /** Values for templates and jvm.options: every setting plus the instance's directories. */
    protected Map<String, String> templateValues() {
        Map<String, String> values = new HashMap<>(settings.asMap());
        values.put("conf.dir", confDir().toString());
        values.put("logs.dir", settings.logsDir().toString());
        values.put("tmp.dir", settings.tmpDir().toString());
        values.put("home", settings.home().toString());
        values.put(module.name() + ".data.dir", dataDir().toString());
        values.putAll(nodeValues());
        return values;
    }

    /** What this node renders differently from the settings: its ports, id, peers, replication. */
    protected Map<String, String> nodeValues() {
        return Map.of();
    }

    @Override
    protected List<String> classpath() {
        return module.classpath();
    }

    /**
     * The part of {@link #classpath()} the class archive is made from and keyed by: the jars every
     * home of the build shares. All of it, unless the service appends an entry of its instance (the
     * JVM maps an archive on a classpath that starts with the archive's and goes on after it).
     */
    protected List<String> archivedClasspath() {
        return classpath();
    }

    /**
     * The command line of a tool of this service (Kafka's perf tool...) with the
     * service's classpath. Tools run once per home (or per benchmark): no class archive would be reused.
     */
    public List<String> toolCommand(String mainClass, List<String> arguments, List<String> jvmOptions) {
        return jvmCommand(jvmOptions, mainClass, arguments);
    }
}
