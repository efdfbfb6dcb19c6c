package lambdalab.lab.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;
import lambdalab.lab.Lab;
import lambdalab.lab.drill.AllDrills;
import lambdalab.lab.drill.BadInputDrill;
import lambdalab.lab.drill.LiveDrill;
import lambdalab.lab.drill.LostMessagesDrill;
import lambdalab.lab.drill.NodeLossDrill;
import lambdalab.lab.drill.ServiceRestartDrill;
import lambdalab.lab.drill.StreamKillDrill;
import lambdalab.lab.drill.UpgradeDrill;
import lambdalab.lab.settings.Profile;
import lambdalab.lab.supervisor.ServiceState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The drills as `lab drill` subcommands (node-loss needs the cluster profile): each builds its drill's plan from the options
 * and runs it on the running lab (`lab drill soak` is {@link DrillCommand.Soak}).
 */
final class DrillCommands {

    private static final String COMMON = "Its events go to a day no view holds yet; it starts the speed layer if it "
            + "does not run (and stops it after). Prints a table of the steps, what the views held against the truth "
            + "and the downtime the generator saw (failed sends, longest gap in acknowledged sends); exit code 1 when "
            + "anything differs.";

    private DrillCommands() {
    }

    /** Runs a drill on the lab (started if needed), with `lab` commands on the same instance. */
    static int run(LabOptions options, String prefix, BiFunction<Lab, Function<String[], Integer>, LiveDrill> drill)
            throws InterruptedException {
        Lab lab = options.lab();
        if (!lab.ensureRunning(System.out, "[" + prefix + "] ")) {
            return 1;
        }
        return drill.apply(lab, command -> LabCommand.execute(options.withCommand(command))).run() ? 0 : 1;
    }

    static int percent(CommandSpec spec, String option, Integer value, int planned) {
        if (value != null && (value < 1 || value > 100)) {
            throw new ParameterException(spec.commandLine(), option + " must be 1 to 100, got " + value);
        }
        return value == null ? planned : value;
    }

    @Command(name = "stream-kill", mixinStandardHelpOptions = true, description = {"SIGKILL to the speed layer "
            + "(`./lab stream kill`) at --kills random moments (the same for a --seed) of a live generator run; the "
            + "supervisor restarts it each time, from its checkpoint; a kill waits until the job is back from the one "
            + "before. Then the speed layer's own views must equal the truth (counts exactly, visitors within the "
            + "sketch's error) and the raw dataset hold one row per event. Default: 5 minutes at 1,000 events/s, 10 "
            + "kills; --short: 20 s at 500/s, 1 kill.", COMMON})
    static final class StreamKill implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LabOptions options;
        @Mixin
        DrillSize size;
        @Option(names = "--kills", paramLabel = "N", description = "How many times the job is killed.")
        Integer kills;
        @Option(names = "--seed", paramLabel = "S", description = "Picks the kill moments (default 16).")
        Long seed;

        @Override
        public Integer call() throws InterruptedException {
            StreamKillDrill.Plan base = size.shortForm ? StreamKillDrill.Plan.SHORT : StreamKillDrill.Plan.DEFAULT;
            if (kills != null && kills < 1) {
                throw new ParameterException(spec.commandLine(), "--kills must be at least 1, got " + kills);
            }
            StreamKillDrill.Plan plan = new StreamKillDrill.Plan(size.duration(spec, base.duration()),
                    size.rate(spec, base.rate()), kills == null ? base.kills() : kills, seed == null ? base.seed() : seed,
                    size.catchUp(spec, base.catchUp()));
            return run(options, "stream-kill", (lab, command) -> new StreamKillDrill(lab, plan, System.out, command));
        }
    }

    @Command(name = "service-restart", mixinStandardHelpOptions = true, description = {"Kafka, Cassandra and the "
            + "HDFS NameNode restarted in turn by the supervisor (SIGTERM, then the supervisor starts it again) at a "
            + "quarter, half and three quarters of a live generator run: the speed layer waits for its services or "
            + "fails fast and is restarted by the supervisor, the generator's producer retries. Then the speed layer's "
            + "views must equal the truth and the raw dataset hold one row per event. Default: 3 minutes at 1,000 "
            + "events/s; --short: 30 s at 500/s. It restarts the lab's services: not while you work with the lab.",
            COMMON})
    static final class ServiceRestart implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LabOptions options;
        @Mixin
        DrillSize size;

        @Override
        public Integer call() throws InterruptedException {
            ServiceRestartDrill.Plan base = size.shortForm ? ServiceRestartDrill.Plan.SHORT
                    : ServiceRestartDrill.Plan.DEFAULT;
            ServiceRestartDrill.Plan plan = new ServiceRestartDrill.Plan(size.duration(spec, base.duration()),
                    size.rate(spec, base.rate()), size.catchUp(spec, base.catchUp()));
            return run(options, "service-restart", (lab, command) -> new ServiceRestartDrill(lab, plan, System.out, command));
        }
    }

    @Command(name = "node-loss", mixinStandardHelpOptions = true, description = {"Cluster profile only. Under a live "
            + "generator (acks=all), one node of each cluster killed with SIGKILL, one at a time: a Kafka broker "
            + "(kafka-2), a Cassandra node (cassandra-2), a DataNode (datanode-2) and a Spark worker (spark-worker-2); "
            + "the supervisor starts each again, and the next is killed --pause after it rejoined. With three copies "
            + "of everything and writes acknowledged by two, the loss must cost nothing: 0 failed sends, the speed "
            + "layer (submitted to the Spark cluster) never restarted, then its views equal to the truth and one raw "
            + "row per event; the table says how long each node was gone. Default: 1,000 events/s, 30 s pauses; "
            + "--short: 100/s, 5 s pauses, and two nodes of different services killed at once (the broker with the "
            + "Cassandra node, then the DataNode with the worker). On a single-node lab it refuses: start a cluster "
            + "lab with `./lab up --profile cluster` (on a LAB_HOME and ports of its own beside a default lab: README "
            + "\"Cluster profile\"). Not part of `lab drill all`, whose drills need no cluster.", COMMON})
    static final class NodeLoss implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LabOptions options;
        @Option(names = "--short", description = "The drill's short form (the one `./lab test` runs on its cluster lab).")
        boolean shortForm;
        @Option(names = "--pause", paramLabel = "DURATION",
                description = "Live traffic before the first kill, after each node's return and after the last one.")
        String pause;
        @Option(names = "--rate", paramLabel = "N", description = "Events per second.")
        Integer rate;
        @Option(names = "--catch-up", paramLabel = "DURATION",
                description = "How long the speed layer may take to commit every event at the end.")
        String catchUp;

        @Override
        public Integer call() throws InterruptedException {
            NodeLossDrill.Plan base = shortForm ? NodeLossDrill.Plan.SHORT : NodeLossDrill.Plan.DEFAULT;
            if (rate != null && rate < 1) {
                throw new ParameterException(spec.commandLine(), "--rate must be at least 1, got " + rate);
            }
            NodeLossDrill.Plan plan = new NodeLossDrill.Plan(
                    pause == null ? base.pause() : DurationOption.parse(spec, "--pause", pause),
                    rate == null ? base.rate() : rate, base.atOnce(),
                    catchUp == null ? base.catchUp() : DurationOption.parse(spec, "--catch-up", catchUp));
            Profile profile = options.lab().settings().profile();
            if (profile != Profile.CLUSTER) {
                System.err.println("lab drill node-loss needs the cluster profile (three nodes of each service and a "
                        + "Spark cluster), and this lab's profile is " + profile.settingValue() + ". Start a cluster lab "
                        + "with `./lab up --profile cluster` (beside a default lab: on a LAB_HOME and ports of its "
                        + "own, see README \"Cluster profile\"), then run the drill against it.");
                return 2;
            }
            return run(options, "node-loss", (lab, command) -> new NodeLossDrill(lab, plan, System.out, command));
        }
    }

    @Command(name = "bad-input", mixinStandardHelpOptions = true, description = {"Malformed lines mixed into a live "
            + "stream, one after every 100 events (1%%), of every kind in turn: a field missing, a time in another "
            + "format, an unknown action, invalid UTF-8, an oversize line (every tenth of those 1 MB, the others 8 KiB). "
            + "The speed layer must count the valid events exactly (its views and the raw dataset against the truth), "
            + "send every bad line to the dead-letter topic (weblogs-deadletter) with its reason, and run through it "
            + "without a restart. Default: 2 minutes at 1,000 events/s; --short: 10 s at 500/s.", COMMON})
    static final class BadInput implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LabOptions options;
        @Mixin
        DrillSize size;

        @Override
        public Integer call() throws InterruptedException {
            BadInputDrill.Plan base = size.shortForm ? BadInputDrill.Plan.SHORT : BadInputDrill.Plan.DEFAULT;
            BadInputDrill.Plan plan = new BadInputDrill.Plan(size.duration(spec, base.duration()),
                    size.rate(spec, base.rate()), base.badEvery(), size.catchUp(spec, base.catchUp()));
            return run(options, "bad-input", (lab, command) -> new BadInputDrill(lab, plan, System.out, command));
        }
    }

    @Command(name = "lost-messages", mixinStandardHelpOptions = true, description = {"The speed layer restarted "
            + "with its lost-messages drill (--drill-lose-percent: it leaves --percent of the valid events, chosen by a "
            + "hash of their line, out of its views; they stay in Kafka and the raw dataset; its log and `./lab stream "
            + "status` say so), then a live generator run: the speed layer's views must be short by exactly the lost "
            + "events. Then a batch run over the drill's hours (as `./lab batch --source TOPIC --from`), after which "
            + "the serving layer must equal the truth of every event. At the end the job is restarted without the "
            + "drill (only stopped, which ends the drill, when the drill started it or `lab drill all` did). Default: 2 minutes at 1,000 events/s, 5%%; --short: 10 s at 500/s.", COMMON})
    static final class LostMessages implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LabOptions options;
        @Mixin
        DrillSize size;
        @Option(names = "--percent", paramLabel = "N", description = "Share of the events lost (default 5).")
        Integer percent;

        @Override
        public Integer call() throws InterruptedException {
            LostMessagesDrill.Plan base = size.shortForm ? LostMessagesDrill.Plan.SHORT : LostMessagesDrill.Plan.DEFAULT;
            LostMessagesDrill.Plan plan = new LostMessagesDrill.Plan(size.duration(spec, base.duration()),
                    size.rate(spec, base.rate()), percent(spec, "--percent", percent, base.percent()),
                    size.catchUp(spec, base.catchUp()));
            return run(options, "lost-messages", (lab, command) -> new LostMessagesDrill(lab, plan, System.out, command));
        }
    }

    @Command(name = "upgrade", mixinStandardHelpOptions = true, description = {"A third into a live generator run, "
            + "the speed layer is stopped and a changed version deployed whose checkpoint is incompatible: the job "
            + "records its version beside its checkpoint, and the drill starts it with the next (--job-version 2). It "
            + "sets the checkpoint aside and rebuilds its state from the stream views (the table shows where each start "
            + "took its state from); the views must then equal the truth and the raw dataset hold one row per event. "
            + "At the end the job is rolled back to version 1 (it rebuilds from the views again; when the drill "
            + "started the job, or `lab drill all` did, it is only stopped and its next start is the rollback). "
            + "Default: 2 minutes at 1,000 events/s; --short: 15 s at 500/s.", COMMON})
    static final class Upgrade implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LabOptions options;
        @Mixin
        DrillSize size;

        @Override
        public Integer call() throws InterruptedException {
            UpgradeDrill.Plan base = size.shortForm ? UpgradeDrill.Plan.SHORT : UpgradeDrill.Plan.DEFAULT;
            UpgradeDrill.Plan plan = new UpgradeDrill.Plan(size.duration(spec, base.duration()),
                    size.rate(spec, base.rate()), size.catchUp(spec, base.catchUp()));
            return run(options, "upgrade", (lab, command) -> new UpgradeDrill(lab, plan, System.out, command));
        }
    }

    @Command(name = "all", mixinStandardHelpOptions = true, description = {"stream-kill, service-restart, "
            + "bad-input, upgrade and lost-messages one after the other, each with its default size (or its short "
            + "form with --short), each printing its table, then one summary; exit code 1 when any failed. The speed "
            + "layer is started once for all of them if it does not run (and stopped after: then upgrade and "
            + "lost-messages leave the job's rollback to that stop and the next start), and one Spark session serves "
            + "their checks. The soak drill is not run: it takes half an hour and its DataNode and Cassandra restarts "
            + "are covered by service-restart; run `./lab drill soak` on its own. Nor is node-loss, which needs the "
            + "cluster profile: run `./lab drill node-loss` on a cluster lab. About 20 minutes here (--short: "
            + "about 6). It restarts the lab's services: not while you work with the lab."})
    static final class All implements Callable<Integer> {
        @Mixin
        LabOptions options;
        @Option(names = "--short", description = "Each drill's short form.")
        boolean shortForm;

        @Override
        public Integer call() throws InterruptedException {
            Lab lab = options.lab();
            if (!lab.ensureRunning(System.out, "[drill all] ")) {
                return 1;
            }
            Function<String[], Integer> command = args -> LabCommand.execute(options.withCommand(args));
            PrintStream out = System.out;
            boolean s = shortForm;
            List<LiveDrill> drills = List.of(
                    new StreamKillDrill(lab, s ? StreamKillDrill.Plan.SHORT : StreamKillDrill.Plan.DEFAULT, out, command),
                    new ServiceRestartDrill(lab, s ? ServiceRestartDrill.Plan.SHORT : ServiceRestartDrill.Plan.DEFAULT,
                            out, command),
                    new BadInputDrill(lab, s ? BadInputDrill.Plan.SHORT : BadInputDrill.Plan.DEFAULT, out, command),
                    new UpgradeDrill(lab, s ? UpgradeDrill.Plan.SHORT : UpgradeDrill.Plan.DEFAULT, out, command),
                    new LostMessagesDrill(lab, s ? LostMessagesDrill.Plan.SHORT : LostMessagesDrill.Plan.DEFAULT, out,
                            command));
            // one start of the speed layer for all of them (each would start and stop it otherwise)
            boolean started = StreamStatusCommand.jobStatus(lab).state() != ServiceState.READY;
            if (started && command.apply(new String[] {"stream", "start"}) != 0) {
                out.println("[drill all] ERROR: the speed layer did not start; see ./lab logs stream");
                return 1;
            }
            try {
                return new AllDrills(drills, out).run(started) ? 0 : 1;
            } finally {
                if (started) {
                    command.apply(new String[] {"stream", "stop"});
                }
            }
        }
    }
}
