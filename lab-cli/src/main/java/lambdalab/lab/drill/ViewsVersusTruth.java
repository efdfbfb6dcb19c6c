package lambdalab.lab.drill;

import com.datastax.oss.driver.api.core.CqlSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.LongPredicate;
import lambdalab.course.LabEndpoints;
import lambdalab.course.batch.BatchLayer;
import lambdalab.course.batch.MissingInputException;
import lambdalab.course.batch.RawEvents;
import lambdalab.course.batch.RawSnapshot;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.clickstream.HourlyActivity;
import lambdalab.course.clickstream.ProductHour;
import lambdalab.course.serving.Layer;
import lambdalab.course.serving.ServedRow;
import lambdalab.course.serving.ServingLayer;
import lambdalab.course.serving.ViewReader;
import lambdalab.course.serving.ViewRow;
import lambdalab.course.spark.LabSpark;
import lambdalab.course.views.LambdaSchema;
import lambdalab.course.views.TruthComparison;
import org.apache.spark.sql.SparkSession;

/**
 * A drill's checks of what the lab holds for the drill's hours against the generator's truth: the
 * speed layer's own views, what the serving layer answers, the raw dataset (one row per event), and
 * a batch run over those hours. Counts must be equal; visitors within the sketch's error. Each
 * check is a step of the drill's table; Spark starts only for the batch run, the one check that needs it.
 */
final class ViewsVersusTruth {

    private final LabEndpoints endpoints;
    private final String topic;
    private final DrillTable table;
    private final DrillSpark spark;

    ViewsVersusTruth(LabEndpoints endpoints, String topic, DrillTable table, DrillSpark spark) {
        this.endpoints = endpoints;
        this.topic = topic;
        this.table = table;
        this.spark = spark;
    }

    /** The speed layer's views (not the batch layer's) of the truth's hours against {@code truth}. */
    boolean streamViews(String what, SortedMap<ProductHour, HourlyActivity> truth) {
        List<HourlyActivity> rows;
        try (CqlSession session = LambdaSchema.openSession(endpoints)) {
            rows = new ViewReader(session).rowsBetween(Layer.STREAM, first(truth), last(truth)).stream()
                    .map(ViewRow::activity).toList();
        }
        return report(what, TruthComparison.differences(rows, truth), truth);
    }

    /** How many events the speed layer's views count in the truth's hours. */
    long streamEvents(SortedMap<ProductHour, HourlyActivity> truth) {
        try (CqlSession session = LambdaSchema.openSession(endpoints)) {
            return new ViewReader(session).rowsBetween(Layer.STREAM, first(truth), last(truth)).stream()
                    .mapToLong(row -> row.activity().totalEvents()).sum();
        }
    }

    /** What the serving layer answers for the truth's hours (each row from its layer) against {@code truth}. */
    boolean served(SortedMap<ProductHour, HourlyActivity> truth) {
        // the serving layer answers for the newest hours the views hold: a drill may have begun a later
        // hour (see LostMessagesDrill), a day at most after its own
        int hours = (int) ((last(truth) - first(truth)) / ClickEvent.HOUR_MS) + 1 + 24;
        List<ServedRow> served;
        try (CqlSession session = LambdaSchema.openSession(endpoints)) {
            served = new ServingLayer(session, topic).query(Optional.empty(), hours).rows().stream()
                    .filter(row -> row.key().timestampHour() >= first(truth) && row.key().timestampHour() <= last(truth))
                    .toList();
        }
        return report("serving vs truth", ServedVersusTruth.mismatches(served, truth), truth);
    }

    private boolean report(String what, List<String> mismatches, SortedMap<ProductHour, HourlyActivity> truth) {
        table.step(what, mismatches.isEmpty() ? "EQUAL" : "DIFFERENT", String.format(Locale.ROOT,
                "%,d (product, hour) rows, %,d events; %d rows differ", truth.size(),
                truth.values().stream().mapToLong(HourlyActivity::totalEvents).sum(), mismatches.size()));
        mismatches.stream().limit(5).forEach(table::detail);
        return mismatches.isEmpty();
    }

    /** The raw dataset holds one row per event of the truth's hours, none twice (by Kafka position). */
    boolean rawRows(SortedMap<ProductHour, HourlyActivity> truth, long events) {
        // only the drill's topic is listed and only its hours are read, not the lab's whole raw tree,
        // which grows with every note, test and drill run on the lab
        String topicRoot = endpoints.hdfsUri() + RawEvents.DEFAULT_PATH + "/" + RawEvents.TOPIC + "=" + topic;
        LongPredicate drillHours = hour -> hour >= first(truth) && hour <= last(truth);
        Optional<RawSnapshot> snapshot = listed(topicRoot).filter(listed -> listed.has(topic, drillHours));
        if (snapshot.isEmpty()) {
            table.step("raw rows vs events", events == 0 ? "EQUAL" : "DIFFERENT",
                    String.format(Locale.ROOT, "no raw files of %s in the drill's hours for %,d events", topic, events));
            return events == 0;
        }
        RawSnapshot.StoredPositions stored;
        try {
            stored = snapshot.get().positions(LabSpark.hadoopConfiguration(endpoints), topic, drillHours);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the raw files of " + topic + ": " + e.getMessage(), e);
        }
        boolean exact = stored.rows() == events && stored.distinct() == events;
        table.step("raw rows vs events", exact ? "EQUAL" : "DIFFERENT", String.format(Locale.ROOT,
                "%,d rows (%,d distinct offsets) for %,d events", stored.rows(), stored.distinct(), events));
        if (!exact) {
            RawGapReport.lines(LabSpark.hadoopConfiguration(endpoints), topicRoot, stored.gaps())
                    .forEach(table::detail);
        }
        return exact;
    }

    private Optional<RawSnapshot> listed(String root) {
        try {
            return Optional.of(RawSnapshot.list(LabSpark.hadoopConfiguration(endpoints), root));
        } catch (MissingInputException none) {
            return Optional.empty();
        }
    }

    /**
     * A batch run over the drill's topic from its first hour on, as `lab batch --source TOPIC --from`:
     * it reads a later hour too, where there is one, to call the drill's last hour complete. A failed
     * run is tried once more after 5 s, as a scheduler would (its upserts are idempotent); the table
     * says why the first failed.
     */
    boolean batchRun(String what, long fromMs) throws InterruptedException {
        java.time.Instant startedAt = java.time.Instant.now();
        Optional<String> failure = tryBatchRun(fromMs);
        if (failure.isPresent()) {
            String first = failure.get();
            Thread.sleep(5000);
            failure = tryBatchRun(fromMs);
            if (failure.isEmpty()) {
                table.step(what, "done on the 2nd try", "the drill's hours of " + topic + ", "
                        + DrillTable.seconds(startedAt) + "; the 1st failed: " + first);
                return true;
            }
        }
        table.step(what, failure.isEmpty() ? "done" : "FAILED", failure.orElse("the drill's hours of " + topic
                + ", " + DrillTable.seconds(startedAt)));
        return failure.isEmpty();
    }

    /** Runs the batch layer once; the failure's message, if it failed. */
    private Optional<String> tryBatchRun(long fromMs) {
        try {
            new BatchLayer(spark(), endpoints, message -> { }).run(BatchLayer.Input.raw(endpoints.hdfsUri()
                    + RawEvents.DEFAULT_PATH).onlySource(topic).between(fromMs, null), 1);
            return Optional.empty();
        } catch (Exception e) { // Spark's SparkException is checked, and thrown undeclared
            return Optional.of(e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("");
        return line.length() <= 200 ? line : line.substring(0, 200) + " ...";
    }

    private SparkSession spark() {
        return spark.get();
    }

    static long first(SortedMap<ProductHour, HourlyActivity> truth) {
        return truth.keySet().stream().mapToLong(ProductHour::timestampHour).min().orElseThrow();
    }

    static long last(SortedMap<ProductHour, HourlyActivity> truth) {
        return truth.keySet().stream().mapToLong(ProductHour::timestampHour).max().orElseThrow();
    }
}
