package lambdalab.lab.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lambdalab.lab.settings.LabSettings;

/**
 * What the NameNode and the DataNode share: one module (services/hdfs), one rendered config
 * folder read from the classpath (core-site.xml, hdfs-site.xml, log4j.properties), and JMX over
 * HTTP for readiness.
 */
public abstract class HdfsDaemon extends ModuleService {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // the DataNode's HTTP front end mishandles the h2c upgrade
            .connectTimeout(Duration.ofSeconds(1)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    protected static final String WEB_UI = "web UI";

    protected HdfsDaemon(LabSettings settings, ServiceModule module, int node) {
        super(settings, module, node);
    }

    @Override
    protected Map<String, String> nodeValues() {
        return Map.of("hdfs.replication", Integer.toString(settings.profile().replication()));
    }

    /** Each daemon serves a web UI (and JMX) over HTTP. */
    @Override
    public Optional<String> ui() {
        return endpoints().stream().filter(e -> e.purpose().equals(WEB_UI)).findFirst()
                .map(e -> "http://" + e.address() + "/");
    }

    public String defaultFs() {
        return "hdfs://" + settings.get("advertised.host") + ":" + settings.port("hdfs.namenode.port");
    }

    /**
     * What an HDFS client of this lab must set: the file system URI, and as many replicas per block as
     * the lab has DataNodes (replication is the client's choice; the default 3 leaves every block
     * under-replicated on a single DataNode).
     */
    public Map<String, String> clientSettings() {
        return Map.of("fs.defaultFS", defaultFs(), "dfs.replication", Integer.toString(settings.profile().replication()));
    }

    private static final List<String> CONFIG_FILES = List.of("core-site.xml", "hdfs-site.xml", "log4j.properties");

    /** The NameNode and the (first) DataNode prepare in parallel and share the config files: one at a time. */
    private static final Object RENDER_LOCK = new Object();

    /** Renders the configs, and packs them into the jar the daemons read them from. */
    protected void renderConfig() {
        synchronized (RENDER_LOCK) {
            createDirectories(dataDir(), settings.tmpDir(), settings.logsDir());
            for (String file : CONFIG_FILES) {
                module.renderTemplate(file, confDir().resolve(file), templateValues());
            }
            ConfigJar.write(configJar(), confDir(), CONFIG_FILES);
        }
    }

    /**
     * Hadoop reads its XML configs from the classpath. They go there as a jar, not as the folder,
     * because class-data sharing refuses non-empty folders on the classpath.
     */
    private Path configJar() {
        return confDir().resolve("hdfs-conf.jar");
    }

    /**
     * The module's jars, then the instance's config jar. Last, so that the class archive, made from
     * the jars before it, is the same for every home and node of the build: first, its path and time
     * were part of the archive's classpath, and each new home (a fresh lab, a benchmark's, `lab
     * prepare`'s) had its own archive written and deleted the one before. No jar of the module holds
     * these files, so their order does not change what Hadoop reads.
     */
    @Override
    protected List<String> classpath() {
        List<String> entries = new ArrayList<>(archivedClasspath());
        entries.add(configJar().toString());
        return entries;
    }

    @Override
    protected List<String> archivedClasspath() {
        return super.classpath();
    }

    /** The first bean of a JMX query on a daemon's HTTP port, if it answers. */
    protected static Optional<JsonNode> jmxBean(int httpPort, String query) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/jmx?qry=" + query))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode beans = JSON.readTree(response.body()).path("beans");
            return beans.isArray() && beans.size() > 0 ? Optional.of(beans.get(0)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The NameNode's view of the file system: its state and the DataNodes it counts as live. */
    protected Optional<JsonNode> nameNodeState() {
        return jmxBean(settings.port("hdfs.namenode.http.port"), "Hadoop:service=NameNode,name=FSNamesystemState");
    }
}
