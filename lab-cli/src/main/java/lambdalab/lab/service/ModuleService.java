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

    /** Prepares, and keeps a class archive the last run wrote. */
    @Override
    public void prepareStart() {
        prepare();
        classDataSharing().promoteNewArchive();
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
     * The module's {@code jvm.options}, the setting {@code services.jvm.options}, and the class archive's
     * options when class sharing is on.
     */
    @Override
    protected List<String> jvmOptions() {
        List<String> options = new ArrayList<>(module.jvmOptions(templateValues()));
        options.addAll(LabSettings.optionList(settings.get("services.jvm.options")));
        if (Boolean.parseBoolean(settings.get("class.sharing"))) {
            options.addAll(classDataSharing().options());
        }
        return options;
    }

    /** This service's class-data-sharing archive, keyed by what it is made from. */
    ClassDataSharing classDataSharing() {
        String key = String.join(" ", module.jvmOptions(templateValues())) + mainClass()
                + ClassDataSharing.describe(classpath());
        return new ClassDataSharing(settings.home().resolve("cds"), name(), key);
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
     * The command line of a tool of this service (Kafka's perf tool...) with the
     * service's classpath. Tools run once per home (or per benchmark): no class archive would be reused.
     */
    public List<String> toolCommand(String mainClass, List<String> arguments, List<String> jvmOptions) {
        return jvmCommand(jvmOptions, mainClass, arguments);
    }
}
