package lambdalab.lab.drill;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import lambdalab.course.speed.StreamSettings;
import lambdalab.lab.Lab;
import lambdalab.lab.service.StreamJobService;
import lambdalab.lab.supervisor.ServiceStatus;

/**
 * {@code lab drill bad-input}: malformed lines of every kind the codec rejects (a field missing, a
 * time in another format, an unknown action, invalid UTF-8, a 1 MB line) mixed into a live stream,
 * one after every 100 events. The speed layer must count the valid events exactly, send every bad
 * line to the dead-letter topic with its reason, and never crash on them.
 */
public final class BadInputDrill extends LiveDrill {

    public record Plan(Duration duration, int rate, int badEvery, Duration catchUp) {
        public static final Plan DEFAULT = new Plan(Duration.ofMinutes(2), 1000, 100, Duration.ofMinutes(5));
        public static final Plan SHORT = new Plan(Duration.ofSeconds(10), 500, 100, Duration.ofMinutes(3));
    }

    private final Plan plan;

    public BadInputDrill(Lab lab, Plan plan, PrintStream out, Function<String[], Integer> labCommand) {
        super("bad-input", lab, out, labCommand);
        this.plan = plan;
    }

    @Override
    protected boolean drill(long startMs, ViewsVersusTruth checks, boolean stoppedAfter)
            throws InterruptedException {
        DeadLetterCheck deadLetters = new DeadLetterCheck(lab.endpoints().kafkaBootstrapServers(),
                StreamSettings.DEAD_LETTER_TOPIC, lab.topic());
        ServiceStatus jobBefore = lab.status(StreamJobService.NAME);
        // made by the generator's thread with its Kafka sink; read here after the generator's join
        BadLines[] bad = new BadLines[1];
        DrillGenerator generator = new DrillGenerator(lab.endpoints().kafkaBootstrapServers(), lab.topic(), plan.rate(),
                plan.duration(), startMs, kafka -> List.of(bad[0] = new BadLines(kafka::acceptLine, plan.badEvery())));
        start(generator, plan.rate(), plan.duration(), startMs);
        generator.join();
        if (!generatorStopped(generator)) {
            return false;
        }
        Map<String, Long> expected = DeadLetterCheck.expected(bad[0].sent());
        table.step("malformed lines", "sent", DeadLetterCheck.describe(expected) + String.format(Locale.ROOT,
                " (%,d of them 1 MB)", bad[0].huge()));
        if (!lab.awaitCaughtUp(plan.catchUp())) {
            return false;
        }
        boolean noCrash = noCrash(jobBefore);
        boolean views = checks.streamViews("valid events vs truth", generator.truth().activity());
        boolean letters = deadLetters(deadLetters, expected, bad[0].huge());
        return checks.rawRows(generator.truth().activity(), generator.truth().events()) && views && letters && noCrash;
    }

    private boolean deadLetters(DeadLetterCheck check, Map<String, Long> expected, long huge) {
        Map<String, Long> found = check.reasons();
        long hugeLetters = check.ofSize(MalformedLines.HUGE_BYTES);
        boolean equal = found.equals(expected) && hugeLetters == huge;
        table.step("dead letters vs bad lines", equal ? "EQUAL" : "DIFFERENT", DeadLetterCheck.describe(found)
                + String.format(Locale.ROOT, "; %,d say original_bytes %,d", hugeLetters, MalformedLines.HUGE_BYTES));
        return equal;
    }

    /** The job ran through it: the same process, no restart by the supervisor. */
    private boolean noCrash(ServiceStatus before) {
        ServiceStatus after = lab.status(StreamJobService.NAME);
        boolean same = after.pid() == before.pid() && after.restarts() == before.restarts();
        table.step("speed layer", same ? "no crash" : "RESTARTED", "PID " + before.pid() + " -> " + after.pid()
                + ", restarts " + before.restarts() + " -> " + after.restarts());
        return same;
    }
}
