package lambdalab.course.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.clickstream.ClickstreamGenerator;
import lambdalab.course.clickstream.GeneratorSettings;
import lambdalab.course.exercises.LocalSpark;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalSpark.class)
class ViewAggregationTest {

    private final SparkSession spark = SparkSession.active();

    @Test
    void theInputColumnsAloneAggregateExactlyAsWholeEvents() {
        List<ClickEvent> events = new ArrayList<>();
        new ClickstreamGenerator(GeneratorSettings.builder().events(3_000).build()).forEachRemaining(events::add);

        List<Row> fromWholeEvents = aggregated(events, EventColumns::toRow, EventColumns.SCHEMA);
        List<Row> fromInputColumns = aggregated(events, ViewAggregation::inputRow, ViewAggregation.INPUT_SCHEMA);

        assertThat(fromWholeEvents).hasSizeGreaterThan(10);
        assertThat(fromInputColumns).containsExactlyElementsOf(fromWholeEvents);
    }

    /** The aggregate's rows by (product, hour), each with its sketch as a string of its bytes (comparable). */
    private List<Row> aggregated(List<ClickEvent> events, Function<ClickEvent, Row> toRow, StructType schema) {
        return ViewAggregation.aggregate(spark.createDataFrame(events.stream().map(toRow).toList(), schema))
                .selectExpr("product", "timestamp_hour", "purchase_count", "add_to_cart_count", "page_view_count",
                        "hex(visitors_sketch)")
                .collectAsList().stream()
                .sorted(Comparator.<Row, String>comparing(row -> row.getString(0)).thenComparing(row -> row.getLong(1)))
                .toList();
    }
}
