package lambdalab.lab.drill;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.clickstream.ClickstreamGenerator;
import lambdalab.course.clickstream.GeneratorSettings;
import lambdalab.course.kafka.KafkaSink;
import lambdalab.course.speed.MessageLoss;
import lambdalab.lab.Lab;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * {@code lab drill lost-messages}: the speed layer restarted with its lost-messages drill, which
 * leaves about 5% of the events out of its views (they stay in Kafka and the raw dataset). Its views
 * must then be short by exactly the lost events; after a batch run over the drill's hours, the
 * serving layer must equal the truth of every event: the batch layer repairs what the speed layer
 * lost. The job is restarted without the drill at the end (or only stopped, when it is stopped after
 * the drill anyway).
 */
public final class LostMessagesDrill extends LiveDrill {

    public record Plan(Duration duration, int rate, int percent, Duration catchUp) {
        public static final Plan DEFAULT = new Plan(Duration.ofMinutes(2), 1000, 5, Duration.ofMinutes(5));
        public static final Plan SHORT = new Plan(Duration.ofSeconds(10), 500, 5, Duration.ofMinutes(3));
    }

    private static final int LATER_EVENTS = 3_000;

    private final Plan plan;

    public LostMessagesDrill(Lab lab, Plan plan, PrintStream out, Function<String[], Integer> labCommand) {
        super("lost-messages", lab, out, labCommand);
        this.plan = plan;
    }

    @Override
    protected boolean drill(long startMs, ViewsVersusTruth checks, boolean stoppedAfter)
            throws InterruptedException {
        if (!lab.restartStream("speed layer with the drill", List.of("--drill-lose-percent",
                Integer.toString(plan.percent())))) {
            return false;
        }
        table.step("the job says", lab.streamReport().map(r -> r.drill() != null ? "drill on" : "NO DRILL")
                .orElse("NO STATUS"), lab.streamReport().map(r -> String.valueOf(r.drill())).orElse(""));
        try {
            return lossAndRepair(startMs, checks);
        } finally {
            if (stoppedAfter) {
                table.step("speed layer without it", "at its stop", "the stop after the drill ends the drill");
            } else {
                lab.restartStream("speed layer without it", List.of());
            }
        }
    }

    /**
     * A few thousand events of the hour after the drill's last, in every partition: a batch run calls
     * an hour complete only once every partition has passed it (a partition still in an hour may bring
     * more of it), and serves it only then. Small producer batches spread them over the partitions.
     */
    private void beginLaterHour(long lastHour) {
        GeneratorSettings later = GeneratorSettings.builder().events(LATER_EVENTS).seed(17)
                .startMs(lastHour + ClickEvent.HOUR_MS).topic(lab.topic()).build();
        try (KafkaSink sink = new KafkaSink(lab.endpoints().kafkaBootstrapServers(), lab.topic(),
                Map.of(ProducerConfig.BATCH_SIZE_CONFIG, 1024))) {
            new ClickstreamGenerator(later).writeTo(sink);
        }
        table.step("next hour begun", String.format(Locale.ROOT, "%,d events", LATER_EVENTS),
                "from " + Instant.ofEpochMilli(lastHour + ClickEvent.HOUR_MS) + ", so the batch run can call the"
                        + " drill's hours complete");
    }

    private boolean lossAndRepair(long startMs, ViewsVersusTruth checks) throws InterruptedException {
        MessageLoss loss = new MessageLoss(plan.percent());
        FilteredTruth kept = new FilteredTruth(line -> !loss.loses(line));
        DrillGenerator generator = new DrillGenerator(lab.endpoints().kafkaBootstrapServers(), lab.topic(), plan.rate(),
                plan.duration(), startMs, kafka -> List.of(kept));
        start(generator, plan.rate(), plan.duration(), startMs);
        generator.join();
        if (!generatorStopped(generator) || !lab.awaitCaughtUp(plan.catchUp())) {
            return false;
        }
        long all = generator.truth().events();
        long lost = all - kept.truth().events();
        table.step("lost by the drill", String.format(Locale.ROOT, "%,d events", lost),
                String.format(Locale.ROOT, "%.2f%% of %,d, chosen by a hash of their line", 100.0 * lost / all, all));
        long counted = checks.streamEvents(generator.truth().activity());
        table.step("stream views vs truth", all - counted == lost ? "SHORT BY THE LOST" : "SHORT BY OTHERS",
                String.format(Locale.ROOT, "%,d events counted of %,d: %,d short", counted, all, all - counted));
        boolean shortExactly = checks.streamViews("stream views vs kept", kept.truth().activity()) && all - counted == lost;
        beginLaterHour(ViewsVersusTruth.last(generator.truth().activity()));
        boolean repaired = lab.awaitCaughtUp(plan.catchUp()) && checks.batchRun("batch run", startMs)
                && checks.served(generator.truth().activity());
        return checks.rawRows(generator.truth().activity(), all) && shortExactly && repaired;
    }
}
