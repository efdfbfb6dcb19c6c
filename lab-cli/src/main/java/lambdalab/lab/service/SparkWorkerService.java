package lambdalab.lab.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lambdalab.lab.settings.LabSettings;

/**
 * A Spark standalone worker of the cluster profile ({@code spark-worker}, {@code spark-worker-2}):
 * Spark's own {@code org.apache.spark.deploy.worker.Worker}. It registers with the master and starts
 * the executors of submitted jobs as processes of its own, from the lab's Spark home
 * ({@link SparkHome}), with the cores and memory the settings give it. A worker that dies takes its
 * executors with it (they watch it); the job's driver asks the master for new ones.
 */
public final class SparkWorkerService extends SparkDaemon {

    public SparkWorkerService(LabSettings settings, ServiceModule module, int node) {
        super(settings, module, node);
    }

    @Override
    public String name() {
        return nodeName("spark-worker");
    }

    @Override
    public List<Endpoint> endpoints() {
        return endpoints("worker", layout.port("spark.worker.port", node), layout.port("spark.worker.ui.port", node));
    }

    /** Where it runs its executors: one folder per application, with each executor's stdout and stderr. */
    public Path workDir() {
        return settings.logsDir().resolve(name() + "-work");
    }

    @Override
    public void prepare() {
        super.prepare();
        createDirectories(workDir());
    }

    @Override
    protected String mainClass() {
        return "org.apache.spark.deploy.worker.Worker";
    }

    @Override
    protected List<String> mainArguments() {
        List<String> arguments = new ArrayList<>(listenArguments());
        arguments.addAll(List.of("--cores", Long.toString(settings.count("spark.worker.cores")),
                "--memory", settings.get("spark.worker.memory"), "--work-dir", workDir().toString(), masterUrl(settings)));
        return arguments;
    }

    /** Ready when the master lists this worker (its address and port) as ALIVE. */
    @Override
    public Health checkReady() {
        if (!PortProbe.accepts(mainEndpoint())) {
            return Health.notReady("port " + mainEndpoint().address() + " not open yet");
        }
        Optional<JsonNode> state = masterState();
        if (state.isEmpty()) {
            return Health.notReady("the master's web UI does not answer");
        }
        for (JsonNode worker : state.get().path("workers")) {
            if (worker.path("port").asInt() == mainEndpoint().port()
                    && worker.path("host").asText().equals(mainEndpoint().host())
                    && "ALIVE".equals(worker.path("state").asText())) {
                return Health.ready("registered with the master: " + worker.path("cores").asInt() + " core(s), "
                        + worker.path("memory").asInt() + " MB for executors");
            }
        }
        return Health.notReady("the master does not list this worker as ALIVE yet");
    }
}
