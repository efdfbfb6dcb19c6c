package lambdalab.lab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lab plus}: the Lambda+ architecture (module 9), run by the lab's supervisor on request. */
@Command(name = "plus", mixinStandardHelpOptions = true,
        description = {"Lambda+ (module 9): sensors post readings over HTTP to an app server, which writes each one to "
                + "Kafka topic sensor-readings and to Cassandra lambda_plus.records; a Spark Streaming job rolls them "
                + "up per 100 ms bucket every second (bucket_rollups); batch jobs over the records older than "
                + "plus.horizon.seconds correct those rollups and fill sensor_rollups. One store, one code base.",
                "`start` runs the app server (plus-app) and the speed job (plus-speed) as processes of the running "
                        + "lab; `sensors` posts readings; `batch` runs the batch jobs; `demo` runs it all live (sensors, batch every minute); the dashboard is at the app "
                        + "server's address (`./lab plus status`). Settings: plus.* (`./lab settings`)."},
        subcommands = {PlusStartCommand.class, PlusStopCommand.class, PlusStatusCommand.class, PlusSensorsCommand.class,
                PlusBatchCommand.class, PlusDemoCommand.class})
final class PlusCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
