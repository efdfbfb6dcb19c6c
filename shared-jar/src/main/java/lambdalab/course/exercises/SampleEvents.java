package lambdalab.course.exercises;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import lambdalab.course.batch.EventColumns;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.clickstream.ClickstreamGenerator;
import lambdalab.course.clickstream.GeneratorSettings;
import lambdalab.course.clickstream.GroundTruth;
import lambdalab.course.clickstream.HourlyActivity;
import lambdalab.course.clickstream.ProductHour;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A few hours of the course's generated clickstream with their exact ground truth, for the checks:
 * seeded, so a check sees the same events every time.
 */
public final class SampleEvents {

    private final List<ClickEvent> events = new ArrayList<>();
    private final GroundTruth truth = new GroundTruth();

    private SampleEvents(GeneratorSettings settings) {
        ClickstreamGenerator generator = new ClickstreamGenerator(settings);
        generator.forEachRemaining(event -> {
            events.add(event);
            truth.add(event);
        });
    }

    /** {@code count} events from {@code startMs} on (at the generator's nominal rate, 7,500 an hour). */
    public static SampleEvents of(long count, long seed, long startMs) {
        return new SampleEvents(GeneratorSettings.builder().events(count).seed(seed).startMs(startMs).build());
    }

    /** The same from a pool of only {@code visitors} visitors: they come back, hour after hour. */
    public static SampleEvents of(long count, long seed, long startMs, int visitors) {
        return new SampleEvents(GeneratorSettings.builder().events(count).seed(seed).startMs(startMs).visitors(visitors)
                .build());
    }

    public List<ClickEvent> events() {
        return events;
    }

    /** The exact activity per (product, hour). */
    public SortedMap<ProductHour, HourlyActivity> truth() {
        return truth.activity();
    }

    /** The events as a Dataset with the course's event columns ({@link EventColumns#SCHEMA}). */
    public Dataset<Row> dataset(SparkSession spark) {
        return spark.createDataFrame(events.stream().map(EventColumns::toRow).toList(), EventColumns.SCHEMA);
    }

    /** The SparkSession a check runs on: the note's, or the one the IDE test started. */
    public static SparkSession spark() {
        return SparkSession.getActiveSession().getOrElse(() -> SparkSession.getDefaultSession().getOrElse(() -> {
            throw new IllegalStateException("No SparkSession is running: the check needs one (a note has `spark`; "
                    + "a test starts one with LabSpark.builder(...).getOrCreate())");
        }));
    }
}
