package lambdalab.course.sketches;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** VisitorSketches against Spark's own hll_sketch_agg, hll_union and hll_sketch_estimate (local Spark). */
class SparkSketchCompatibilityTest {

    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().appName("sketch-compatibility").master("local[1]")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "1")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void sparksSketchesAreReadMergedAndEstimatedAsSparkDoes() {
        Map<String, byte[]> sketches = sparkSketches();
        byte[] first = sketches.get("first");
        byte[] second = sketches.get("second");

        assertThat(VisitorSketches.estimate(first)).isEqualTo(sparkEstimate(first));
        assertThat(VisitorSketches.union(List.of(first, second))).isEqualTo(sparkUnion(first, second));
    }

    @Test
    void sparkReadsTheSketchesVisitorSketchesWrites() {
        byte[] ours = VisitorSketches.of(IntStream.range(0, 20_000).mapToObj(i -> "Visitor-" + i).toList());
        byte[] union = VisitorSketches.union(List.of(ours, sparkSketches().get("first")));

        assertThat(sparkEstimate(ours)).isEqualTo(VisitorSketches.estimate(ours));
        assertThat(sparkEstimate(union)).isEqualTo(VisitorSketches.estimate(union));
        assertThat(VisitorSketches.estimate(ours))
                .isEqualTo(VisitorSketches.estimate(sparkSketches().get("first20k")));
    }

    /** Sketches by hll_sketch_agg(visitor, 12): Visitor-0..59999, Visitor-40000..99999, Visitor-0..19999. */
    private static Map<String, byte[]> sparkSketches() {
        Dataset<Row> visitors = spark.range(0, 60_000).selectExpr("'first' AS name", "concat('Visitor-', id) AS visitor")
                .union(spark.range(40_000, 100_000).selectExpr("'second'", "concat('Visitor-', id)"))
                .union(spark.range(0, 20_000).selectExpr("'first20k'", "concat('Visitor-', id)"));
        return visitors.groupBy("name").agg(org.apache.spark.sql.functions.expr("hll_sketch_agg(visitor, 12)"))
                .collectAsList().stream()
                .collect(Collectors.toMap(row -> row.getString(0), row -> (byte[]) row.get(1)));
    }

    private static long sparkEstimate(byte[] sketch) {
        return sketchesFrame(sketch, sketch).selectExpr("hll_sketch_estimate(a)").first().getLong(0);
    }

    private static byte[] sparkUnion(byte[] a, byte[] b) {
        return (byte[]) sketchesFrame(a, b).selectExpr("hll_union(a, b)").first().get(0);
    }

    private static Dataset<Row> sketchesFrame(byte[] a, byte[] b) {
        StructType schema = new StructType().add("a", DataTypes.BinaryType).add("b", DataTypes.BinaryType);
        return spark.createDataFrame(List.of(RowFactory.create(a, b)), schema);
    }
}
