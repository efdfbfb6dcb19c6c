package lambdalab.lab.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lambdalab.lab.settings.LabSettings;

/**
 * The HDFS DataNode; it registers with the NameNode and stores the blocks. In the cluster profile,
 * node n of three ({@code datanode}, {@code datanode-2}, {@code datanode-3}); node n beyond the first
 * has configs and data of its own ({@code conf/hdfs-2}, {@code data/hdfs-2}).
 */
public final class DataNodeService extends HdfsDaemon {

    private static final List<String> PORT_SETTINGS = List.of(
            "hdfs.datanode.port", "hdfs.datanode.http.port", "hdfs.datanode.ipc.port");

    public DataNodeService(LabSettings settings, ServiceModule module, int node) {
        super(settings, module, node);
    }

    @Override
    public String name() {
        return nodeName("datanode");
    }

    @Override
    public List<Endpoint> endpoints() {
        String host = settings.get("bind.address");
        return List.of(
                new Endpoint("data", host, layout.port("hdfs.datanode.port", node)),
                new Endpoint(WEB_UI, host, layout.port("hdfs.datanode.http.port", node)),
                new Endpoint("IPC", host, layout.port("hdfs.datanode.ipc.port", node)));
    }

    @Override
    protected Map<String, String> nodeValues() {
        Map<String, String> values = new HashMap<>(super.nodeValues());
        PORT_SETTINGS.forEach(key -> values.put(key, Integer.toString(layout.port(key, node))));
        return values;
    }

    @Override
    public void prepare() {
        renderConfig();
    }

    @Override
    protected String mainClass() {
        return "org.apache.hadoop.hdfs.server.datanode.DataNode";
    }

    /**
     * Ready when this DataNode process says it is registered and heartbeating (its own JMX), and the
     * NameNode counts a live DataNode and has left safe mode: HDFS then accepts writes.
     */
    @Override
    public Health checkReady() {
        Optional<JsonNode> info = jmxBean(layout.port("hdfs.datanode.http.port", node),
                "Hadoop:service=DataNode,name=DataNodeInfo");
        if (info.isEmpty()) {
            return Health.notReady("DataNode JMX does not answer yet");
        }
        if (!info.get().path("BPServiceActorInfo").asText().contains("RUNNING")) {
            return Health.notReady("DataNode not registered with the NameNode yet");
        }
        Optional<JsonNode> state = nameNodeState();
        if (state.isEmpty()) {
            return Health.notReady("NameNode does not answer");
        }
        int live = state.get().path("NumLiveDataNodes").asInt();
        String fsState = state.get().path("FSState").asText();
        if (live < 1 || !"Operational".equals(fsState)) {
            return Health.notReady("NameNode: " + live + " live DataNode(s), state " + fsState);
        }
        return Health.ready("registered; NameNode has " + live + " live DataNode(s), out of safe mode");
    }
}
