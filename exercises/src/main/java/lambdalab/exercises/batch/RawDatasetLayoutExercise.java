package lambdalab.exercises.batch;

import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.batch.RawDatasetLayout;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Exercise 03.raw-layout (note 03, "The batch layer"): the writer (everything before
 * {@code .parquet(path)}) that lays the raw dataset out in folders topic=/kafka_partition=/timestamp_hour=,
 * one file per hour, and replaces exactly the hours it writes on a reload. Run
 * RawDatasetLayoutExerciseTest to check it; the solution is RawDatasetLayoutSolution in the shared jar.
 */
public class RawDatasetLayoutExercise implements RawDatasetLayout {

    @Override
    public DataFrameWriter<Row> writer(Dataset<Row> events) {
        throw new MissingSolutionException();
    }
}
