package lambdalab.course.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import lambdalab.course.exercises.LocalSpark;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalSpark.class)
class DriverCollectTest {

    private final JavaSparkContext spark = JavaSparkContext.fromSparkContext(SparkSession.active().sparkContext());

    @Test
    void returnsWhatCollectReturnsInTheSameOrder() {
        JavaRDD<String> words = spark.parallelize(IntStream.range(0, 1000).mapToObj(i -> "w" + i).toList(), 3)
                .filter(word -> !word.endsWith("7"));

        List<String> collected = DriverCollect.collect(words.rdd());

        assertThat(collected).hasSize(900).containsExactlyElementsOf(words.collect());
    }

    @Test
    void anRddWithoutPartitionsGivesAnEmptyList() {
        assertThat(DriverCollect.collect(spark.<String>emptyRDD().rdd())).isEmpty();
    }

    @Test
    void emptyPartitionsAddNothing() {
        JavaRDD<Integer> sparse = spark.parallelize(List.of(1, 2), 5);

        assertThat(DriverCollect.collect(sparse.rdd())).containsExactly(1, 2);
    }

    @Test
    void eachPartitionsResultComesBackInPartitionOrder() {
        JavaRDD<Integer> numbers = spark.parallelize(IntStream.rangeClosed(1, 10).boxed().toList(), 3);

        List<Integer> sums = DriverCollect.eachPartition(numbers.rdd(), partition -> {
            int sum = 0;
            while (partition.hasNext()) {
                sum += partition.next();
            }
            return sum;
        });

        assertThat(sums).containsExactly(1 + 2 + 3, 4 + 5 + 6, 7 + 8 + 9 + 10);
    }
}
