package lambdalab.lab.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import lambdalab.lab.settings.LabSettings;

/** The HDFS DataNode; it registers with the NameNode and stores the blocks. */
public final class DataNodeService extends HdfsDaemon {

    public DataNodeService(LabSettings settings, ServiceModule module) {
        super(settings, module);
    }

    @Override
    public String name() {
        return "datanode";
    }

    @Override
    public List<Endpoint> endpoints() {
        String host = settings.get("bind.address");
        return List.of(
                new Endpoint("data", host, settings.port("hdfs.datanode.port")),
                new Endpoint(WEB_UI, host, settings.port("hdfs.datanode.http.port")),
                new Endpoint("IPC", host, settings.port("hdfs.datanode.ipc.port")));
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
        Optional<JsonNode> info = jmxBean(settings.port("hdfs.datanode.http.port"),
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
