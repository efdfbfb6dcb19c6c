package lambdalab.lab.drill;

import com.datastax.oss.driver.api.core.CqlSession;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.stream.Stream;
import lambdalab.course.LabEndpoints;
import lambdalab.course.batch.BatchLayer;
import lambdalab.course.batch.EventColumns;
import lambdalab.course.batch.RawEvents;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.clickstream.HourlyActivity;
import lambdalab.course.clickstream.ProductHour;
import lambdalab.course.kafka.KafkaTopics;
import lambdalab.course.serving.ServedRow;
import lambdalab.course.serving.ServingLayer;
import lambdalab.course.serving.ViewReader;
import lambdalab.course.spark.LabSpark;
import lambdalab.course.views.LambdaSchema;
import lambdalab.lab.Lab;
import lambdalab.lab.supervisor.ServiceState;
import lambdalab.lab.supervisor.ServiceStatus;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The soak drill: the live Lambda pipeline (generator, speed layer, periodic batch runs) on a lab
 * for a while, with a DataNode restart a third of the way in and a Cassandra restart at two thirds;
 * then the generator stops, the speed layer catches up, a last batch run covers the drill's hours, and
 * the serving layer must answer exactly the truth of every event generated (visitors within five
 * standard errors), with one raw row per event. Its events go to hours no view holds yet, so the
 * lab's earlier data never mixes in.
 */
public final class SoakDrill {

    /** How the drill runs. */
    public record Plan(Duration duration, int rate, Duration batchEvery, Duration catchUp) {
    }

    private final Lab lab;
    private final Plan plan;
    private final PrintStream out;
    /** Runs another `lab` command on the same instance (stream start/stop); returns its exit code. */
    private final Function<String[], Integer> labCommand;
    private final Instant began = Instant.now();
    private final List<String[]> steps = new ArrayList<>();

    public SoakDrill(Lab lab, Plan plan, PrintStream out, Function<String[], Integer> labCommand) {
        this.lab = lab;
        this.plan = plan;
        this.out = out;
        this.labCommand = labCommand;
    }

    /** Runs the drill and prints its report; true when the views and the raw data equal the truth. */
    public boolean run() throws InterruptedException {
        LabEndpoints endpoints = lab.endpoints();
        String topic = lab.settings().get("stream.topic");
        KafkaTopics.ensureTopic(endpoints.kafkaBootstrapServers(), topic,
                Integer.parseInt(lab.settings().get("stream.partitions")));
        boolean startedStream = streamState() != ServiceState.READY;
        if (startedStream && labCommand.apply(new String[] {"stream", "start"}) != 0) {
            out.println("[soak] ERROR: the speed layer did not start.");
            return false;
        }
        long committedBefore = committed(endpoints, topic);
        long start = firstFreeHour(endpoints);
        step("speed layer", startedStream ? "started" : "was running", "committed offsets " + committedBefore);
        try (SparkSession spark = LabSpark.builder("soak drill", "local[2]", endpoints).getOrCreate()) {
            DrillGenerator generator = new DrillGenerator(endpoints.kafkaBootstrapServers(), topic, plan.rate(),
                    plan.duration(), start);
            generator.start();
            step("generator", String.format(Locale.ROOT, "%,d events/s for %s", plan.rate(), plan.duration()),
                    "event time from " + Instant.ofEpochMilli(start));
            BatchLayer.Input drillHours = BatchLayer.Input.raw(endpoints.hdfsUri() + RawEvents.DEFAULT_PATH)
                    .onlySource(topic).between(start, null);
            live(spark, generator, drillHours);
            generator.join();
            if (generator.failure() != null) {
                step("generator", "FAILED", generator.failure().getMessage());
                return false;
            }
            long sent = generator.truth().events();
            step("generator", "stopped", String.format(Locale.ROOT, "%,d events sent", sent));
            // everything in the topic up to now: the job may also be reading older events of it
            long end = KafkaTopics.latestOffsets(endpoints.kafkaBootstrapServers(), topic).values().stream()
                    .mapToLong(Long::longValue).sum();
            if (!awaitCommitted(endpoints, topic, end)) {
                return false;
            }
            if (!batchRun(spark, drillHours, "last batch run")) {
                return false;
            }
            return compare(spark, endpoints, topic, generator.truth().activity(), sent);
        } finally {
            if (startedStream) {
                labCommand.apply(new String[] {"stream", "stop"});
            }
            printSteps();
        }
    }

    /** The generator's run: batch runs on their schedule, a DataNode and then a Cassandra restart. */
    private void live(SparkSession spark, DrillGenerator generator, BatchLayer.Input drillHours)
            throws InterruptedException {
        Instant end = Instant.now().plus(plan.duration());
        Instant nextBatch = Instant.now().plus(plan.batchEvery());
        Instant dataNodeRestart = Instant.now().plus(plan.duration().dividedBy(3));
        Instant cassandraRestart = Instant.now().plus(plan.duration().multipliedBy(2).dividedBy(3));
        int batchRuns = 0;
        while (generator.isAlive() && Instant.now().isBefore(end)) {
            if (dataNodeRestart != null && Instant.now().isAfter(dataNodeRestart)) {
                restart("datanode");
                dataNodeRestart = null;
            } else if (cassandraRestart != null && Instant.now().isAfter(cassandraRestart)) {
                restart("cassandra");
                cassandraRestart = null;
            } else if (Instant.now().isAfter(nextBatch)) {
                batchRun(spark, drillHours, "batch run " + ++batchRuns);
                nextBatch = Instant.now().plus(plan.batchEvery());
            }
            Thread.sleep(500);
        }
        generator.finish();
        // a restart that a slow one before it pushed past the end still happens, before the catch-up
        if (dataNodeRestart != null) {
            restart("datanode");
        }
        if (cassandraRestart != null) {
            restart("cassandra");
        }
    }

    /** Stops the service's process (SIGTERM) and waits until the supervisor has it ready again. */
    private void restart(String service) throws InterruptedException {
        ServiceStatus before = status(service);
        Instant stoppedAt = Instant.now();
        ProcessHandle.of(before.pid()).ifPresent(ProcessHandle::destroy);
        Instant deadline = stoppedAt.plus(Duration.ofMinutes(5));
        ServiceStatus now = status(service);
        while (!(now.state() == ServiceState.READY && now.restarts() > before.restarts())) {
            if (Instant.now().isAfter(deadline)) {
                step(service + " restart", "NOT READY after 5 min", now.state() + ": " + now.detail());
                return;
            }
            Thread.sleep(500);
            now = status(service);
        }
        step(service + " restart", "PID " + before.pid() + " stopped, " + now.pid() + " ready",
                String.format(Locale.ROOT, "down %.1f s", Duration.between(stoppedAt, Instant.now()).toMillis() / 1000.0));
    }

    /** A batch run over the drill's hours of the live topic (as `lab batch --source --from`): the rest is not its. */
    private boolean batchRun(SparkSession spark, BatchLayer.Input drillHours, String what) {
        Instant startedAt = Instant.now();
        try {
            new BatchLayer(spark, lab.endpoints(), message -> { }).run(drillHours, 1);
            step(what, "done", seconds(startedAt));
            return true;
        } catch (RuntimeException e) {
            step(what, "FAILED", e.getMessage());
            return false;
        }
    }

    /** Waits until the speed layer has committed every event sent (it may be restarting: it waits for its services). */
    private boolean awaitCommitted(LabEndpoints endpoints, String topic, long expected) throws InterruptedException {
        Instant startedAt = Instant.now();
        Instant deadline = startedAt.plus(plan.catchUp());
        long committed = committed(endpoints, topic);
        while (committed < expected) {
            if (Instant.now().isAfter(deadline) || streamState() == ServiceState.FAILED) {
                step("speed layer catch-up", "NOT DONE", String.format(Locale.ROOT,
                        "committed %,d of %,d offsets; job %s; see ./lab logs stream", committed, expected, streamState()));
                lastErrors(lab.settings().home().resolve("logs/stream.log")).forEach(line -> step("", "", line));
                return false;
            }
            Thread.sleep(500);
            committed = committed(endpoints, topic);
        }
        step("speed layer catch-up", "done", seconds(startedAt) + ", restarts " + status("stream").restarts());
        return true;
    }

    private boolean compare(SparkSession spark, LabEndpoints endpoints, String topic,
                            SortedMap<ProductHour, HourlyActivity> truth, long sent) {
        long first = truth.firstKey().timestampHour();
        long last = truth.keySet().stream().mapToLong(ProductHour::timestampHour).max().orElseThrow();
        int hours = (int) ((last - first) / ClickEvent.HOUR_MS) + 1;
        List<ServedRow> served;
        try (CqlSession session = LambdaSchema.openSession(endpoints)) {
            served = new ServingLayer(session, topic).query(Optional.empty(), hours).rows().stream()
                    .filter(row -> row.key().timestampHour() >= first && row.key().timestampHour() <= last).toList();
        }
        List<String> mismatches = ServedVersusTruth.mismatches(served, truth);
        step("serving vs truth", mismatches.isEmpty() ? "EQUAL" : "DIFFERENT", String.format(Locale.ROOT,
                "%,d (product, hour) rows over %d hours; %d differ", truth.size(), hours, mismatches.size()));
        mismatches.stream().limit(5).forEach(line -> step("", "", line));

        Dataset<org.apache.spark.sql.Row> raw = spark.read().parquet(endpoints.hdfsUri() + RawEvents.DEFAULT_PATH)
                .filter(functions.col(RawEvents.TOPIC).equalTo(topic)
                        .and(functions.col(EventColumns.TIMESTAMP_HOUR).between(first, last)));
        long rows = raw.count();
        long distinct = raw.select(RawEvents.KAFKA_PARTITION, RawEvents.KAFKA_OFFSET).distinct().count();
        boolean rawExact = rows == sent && distinct == sent;
        step("raw rows vs events", rawExact ? "EQUAL" : "DIFFERENT",
                String.format(Locale.ROOT, "%,d rows (%,d distinct offsets) for %,d events", rows, distinct, sent));
        return mismatches.isEmpty() && rawExact;
    }

    /** The first whole day after every hour the views hold, and not before 2030: the drill's events are alone there. */
    private static long firstFreeHour(LabEndpoints endpoints) {
        try (CqlSession session = LambdaSchema.openSession(endpoints)) {
            LambdaSchema.create(session, 1);
            return new ViewReader(session).firstFreeDay();
        }
    }

    private static long committed(LabEndpoints endpoints, String topic) {
        try (CqlSession session = LambdaSchema.openSession(endpoints)) { // the schema exists: firstFreeHour made it
            return new ViewReader(session).streamCommittedOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
        } catch (RuntimeException cassandraRestarting) {
            return -1; // asked again a moment later
        }
    }

    private ServiceState streamState() {
        return status("stream").state();
    }

    private ServiceStatus status(String name) {
        List<ServiceStatus> all = new ArrayList<>(lab.status());
        all.addAll(lab.jobStatus());
        return all.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the lab has no " + name));
    }

    private void step(String what, String outcome, String detail) {
        String[] line = {String.format(Locale.ROOT, "%6.0fs", Duration.between(began, Instant.now()).toMillis() / 1000.0),
                what, outcome, detail};
        steps.add(line);
        out.printf(Locale.ROOT, "[soak] %s %s: %s %s%n", (Object[]) line);
    }

    private void printSteps() {
        out.println();
        out.printf(Locale.ROOT, "%7s  %-22s %-24s %s%n", "AT", "STEP", "OUTCOME", "DETAIL");
        for (String[] line : steps) {
            out.printf(Locale.ROOT, "%7s  %-22s %-24s %s%n", (Object[]) line);
        }
    }

    /** The job's last few ERROR lines, so a drill that failed says why. */
    private static List<String> lastErrors(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> errors = lines.filter(line -> line.contains("ERROR")).toList();
            return errors.subList(Math.max(0, errors.size() - 3), errors.size());
        } catch (IOException | UncheckedIOException e) {
            return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
        }
    }

    private static String seconds(Instant since) {
        return String.format(Locale.ROOT, "%.1f s", Duration.between(since, Instant.now()).toMillis() / 1000.0);
    }
}
