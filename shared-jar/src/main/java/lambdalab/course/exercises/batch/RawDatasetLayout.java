package lambdalab.course.exercises.batch;

import java.io.Serializable;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Exercise 03.raw-layout: how events are written into the raw dataset (the master dataset on
 * HDFS). Given events with the columns {@code topic}, {@code kafka_partition} and
 * {@code timestamp_hour} among others, return the writer (everything before {@code .parquet(path)})
 * that lays them out in folders {@code topic=.../kafka_partition=.../timestamp_hour=...}, one file
 * per hour folder, and that replaces the hours it writes when run again while keeping the others.
 */
@FunctionalInterface
public interface RawDatasetLayout extends Serializable {

    DataFrameWriter<Row> writer(Dataset<Row> events);
}
