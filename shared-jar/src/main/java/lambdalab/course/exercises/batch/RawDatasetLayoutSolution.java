package lambdalab.course.exercises.batch;

import static org.apache.spark.sql.functions.col;

import lambdalab.course.batch.EventColumns;
import lambdalab.course.batch.RawEvents;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * The reference solution of {@link RawDatasetLayout}, the one {@link RawEvents} writes with:
 * repartitioned by hour, so that one task holds each hour and writes it as one file; partitioned
 * into folders by topic, Kafka partition and hour, so that a batch run over some hours reads only
 * their folders; {@code Overwrite} with the lab's dynamic partition overwrite
 * ({@code spark.sql.sources.partitionOverwriteMode=dynamic}), so a second load replaces exactly the
 * hours it writes (the default, {@code ErrorIfExists}, failed every rerun of the original course).
 */
public final class RawDatasetLayoutSolution implements RawDatasetLayout {

    @Override
    public DataFrameWriter<Row> writer(Dataset<Row> events) {
        return events.repartition(col(EventColumns.TIMESTAMP_HOUR))
                .write()
                .mode(SaveMode.Overwrite)
                .partitionBy(RawEvents.TOPIC, RawEvents.KAFKA_PARTITION, EventColumns.TIMESTAMP_HOUR);
    }
}
