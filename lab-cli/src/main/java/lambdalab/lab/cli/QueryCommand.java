package lambdalab.lab.cli;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import lambdalab.course.LabEndpoints;
import lambdalab.course.kappa.KappaVersion;
import lambdalab.course.kappa.KappaViews;
import lambdalab.course.serving.ServingLayer;
import lambdalab.course.serving.ServingResult;
import lambdalab.course.views.LambdaSchema;
import lambdalab.lab.Lab;
import lambdalab.lab.service.ServiceException;
import lambdalab.lab.supervisor.StateFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Ask the serving layer: per (product, hour) for the last hours, the batch view's row where a "
                + "batch run covered the hour completely and read every event the speed layer counted of it, else "
                + "the speed layer's row; each with its layer, why (hour still filling, late events after the batch "
                + "run, ...) and the sources its batch row holds; then per-product totals (unique visitors from the "
                + "union of the hours' sketches).",
                "The hours count back from the newest hour either layer has. The speed layer's topic is the setting "
                + "stream.topic. Needs only Cassandra.",
                "With --kappa: the current Kappa version's view instead (module 10), per (product, hour) and per product."})
final class QueryCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    LabOptions options;

    @Option(names = "--product", paramLabel = "PRODUCT",
            description = "Only this product, e.g. 'Nike,Air Max' (quote it: names have commas and spaces). Default: all.")
    String product;

    @Option(names = "--hours", paramLabel = "N", defaultValue = "6",
            description = "How many hours, ending with the newest one (default: ${DEFAULT-VALUE}).")
    int hours;

    @Option(names = "--json", description = "Print the result as JSON (for scripts).")
    boolean json;

    @Option(names = "--kappa", description = "Ask Kappa's view instead: the rows of the version kappa.view_versions "
            + "points at (`./lab kappa status`), no layers to merge.")
    boolean kappa;

    @Override
    public Integer call() {
        if (hours < 1) {
            throw new ParameterException(spec.commandLine(), "--hours must be at least 1, not " + hours + ".");
        }
        Lab lab = options.lab();
        if (kappa) {
            return queryKappa(lab);
        }
        ServingResult result = query(lab.endpoints(), lab.settings().get("stream.topic"));
        if (json) {
            System.out.println(StateFile.toJson(QueryTable.asJson(result, hours)));
        } else {
            QueryTable.print(System.out, result, Optional.ofNullable(product), hours);
        }
        return 0;
    }

    private int queryKappa(Lab lab) {
        try (KappaControl control = KappaControl.open(lab)) {
            Optional<KappaVersion> current = control.versions().current();
            if (current.isEmpty()) {
                System.err.println("ERROR: there is no Kappa view yet: `./lab kappa start` computes version 1.");
                return 1;
            }
            String change = control.versions().get(current.get()).map(entry -> entry.change().wireName()).orElse("?");
            List<KappaViews.ViewRow> rows = KappaQueryTable.lastHours(KappaViews.read(control.session(), current.get()),
                    Optional.ofNullable(product), hours);
            if (json) {
                System.out.println(StateFile.toJson(KappaQueryTable.asJson(current.get(), change, rows)));
            } else {
                KappaQueryTable.print(System.out, current.get(), change, rows, hours);
            }
            return 0;
        }
    }

    private ServingResult query(LabEndpoints endpoints, String streamTopic) {
        try (CqlSession session = LambdaSchema.openSession(endpoints)) {
            return new ServingLayer(session, streamTopic).query(Optional.ofNullable(product), hours);
        } catch (AllNodesFailedException e) { // no connection: the driver's per-node detail adds nothing
            throw unreachable(endpoints, "", e);
        } catch (DriverTimeoutException e) {
            throw unreachable(endpoints, " in time (" + e.getMessage() + ")", e);
        }
    }

    static ServiceException unreachable(LabEndpoints endpoints, String detail, RuntimeException cause) {
        return new ServiceException("Cassandra at " + endpoints.cassandraHost() + ":" + endpoints.cassandraPort()
                + " does not answer" + detail + ". Is the lab running? `./lab up` starts it, "
                + "`./lab status` and `./lab doctor` check it.", cause);
    }
}
