package lambdalab.lab.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import lambdalab.lab.settings.LabSettings;

/**
 * The Spark standalone master of the cluster profile ({@code spark-master}): Spark's own
 * {@code org.apache.spark.deploy.master.Master}; the workers register with it, the jobs are
 * submitted to it ({@link SparkDaemon#masterUrl}).
 */
public final class SparkMasterService extends SparkDaemon {

    public SparkMasterService(LabSettings settings, ServiceModule module) {
        super(settings, module, 1);
    }

    @Override
    public String name() {
        return "spark-master";
    }

    @Override
    public List<Endpoint> endpoints() {
        return endpoints("master", settings.port("spark.master.port"), settings.port("spark.master.ui.port"));
    }

    @Override
    protected String mainClass() {
        return "org.apache.spark.deploy.master.Master";
    }

    @Override
    protected List<String> mainArguments() {
        return listenArguments();
    }

    /** Ready when its web UI's state says ALIVE (it takes registrations and applications). */
    @Override
    public Health checkReady() {
        if (!PortProbe.accepts(mainEndpoint())) {
            return Health.notReady("port " + mainEndpoint().address() + " not open yet");
        }
        Optional<JsonNode> state = masterState();
        if (state.isEmpty()) {
            return Health.notReady("the master's web UI does not answer yet");
        }
        String status = state.get().path("status").asText();
        return "ALIVE".equals(status) ? Health.ready("status ALIVE at " + masterUrl(settings))
                : Health.notReady("the master's status is " + status);
    }
}
