package lambdalab.lab.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import lambdalab.lab.settings.LabSettings;

/** The HDFS NameNode; its metadata directory is formatted once, on the first start. */
public final class NameNodeService extends HdfsDaemon {

    public NameNodeService(LabSettings settings, ServiceModule module) {
        super(settings, module, 1);
    }

    @Override
    public String name() {
        return "namenode";
    }

    @Override
    public List<Endpoint> endpoints() {
        String host = settings.get("bind.address");
        return List.of(
                new Endpoint("RPC", host, settings.port("hdfs.namenode.port")),
                new Endpoint(WEB_UI, host, settings.port("hdfs.namenode.http.port")));
    }

    @Override
    public void prepare() {
        renderConfig();
    }

    /** Hadoop's NameNode, after a format in the same JVM when the metadata folder is new (NameNodeMain). */
    @Override
    protected String mainClass() {
        return "lambdalab.services.hdfs.NameNodeMain";
    }

    /** The metadata directory is formatted once, on the first start. */
    @Override
    protected List<String> mainArguments() {
        return Files.exists(dataDir().resolve("name/current/VERSION")) ? List.of() : List.of("--format-first");
    }

    /**
     * Ready when its namespace is loaded (the FSNamesystemState bean exists). Leaving safe mode needs
     * the DataNode's block report, so that part belongs to the DataNode's readiness.
     */
    @Override
    public Health checkReady() {
        Optional<JsonNode> state = nameNodeState();
        if (state.isEmpty()) {
            return Health.notReady("NameNode JMX at " + endpoints().get(1).address() + " does not answer yet");
        }
        return Health.ready("namespace loaded, state " + state.get().path("FSState").asText()
                + ", live DataNodes " + state.get().path("NumLiveDataNodes").asInt());
    }
}
