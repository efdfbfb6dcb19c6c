package lambdalab.course.speed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import lambdalab.course.exercises.LocalSpark;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalSpark.class)
class SpeedLayerWarmUpTest {

    @Test
    void theMadeUpBatchIsValidEventsOfTwoPartitions() {
        List<ParsedRecord> records = SpeedLayerWarmUp.records();

        assertThat(records).hasSize(400).allMatch(ParsedRecord::valid);
        assertThat(records).extracting(ParsedRecord::partition).containsOnly(0, 1);
    }

    @Test
    void runsTheBatchThroughTheJobsCodeAndLeavesNothingBehind(@TempDir Path tmp) throws Exception {
        JavaSparkContext spark = JavaSparkContext.fromSparkContext(SparkSession.active().sparkContext());

        SpeedLayerWarmUp.Done done = SpeedLayerWarmUp.run(spark, tmp);

        List<ParsedRecord> records = SpeedLayerWarmUp.records();
        long hoursPerPartition = records.stream().map(r -> r.partition() + "/" + r.event().hourBucket()).distinct().count();
        long groups = records.stream().map(r -> r.event().product() + "/" + r.event().hourBucket()).distinct().count();
        assertThat(done.rawFiles()).as("one Parquet file per partition and hour").isEqualTo(hoursPerPartition);
        assertThat(done.groups()).as("one aggregate per (product, hour)").isEqualTo((int) groups);

        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).as("the warm-up's raw files are deleted").isEmpty();
        }
    }
}
