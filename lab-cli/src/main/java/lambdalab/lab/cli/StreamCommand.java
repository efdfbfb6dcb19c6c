package lambdalab.lab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lab stream}: the speed-layer job, run by the lab's supervisor on request. */
@Command(name = "stream", mixinStandardHelpOptions = true,
        description = {"The speed-layer job (Spark Streaming: Kafka -> HDFS raw events and Cassandra stream_* views) "
                + "as a process of the running lab: the supervisor starts it on request, restarts it when it dies "
                + "and stops it with the lab. `./lab up` never starts it; `./lab down` stops it first.",
                "Settings: stream.* (`./lab settings`). Its log: $LAB_HOME/logs/stream.log."},
        subcommands = {StreamStartCommand.class, StreamStopCommand.class, StreamStatusCommand.class,
                StreamKillCommand.class})
final class StreamCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
