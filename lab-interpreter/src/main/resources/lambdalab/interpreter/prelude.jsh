// What every %lab.java paragraph starts with: the usual JDK packages, Spark's Java API, the course
// library (the shared jar), the lab's SparkSession and endpoints, and show(...) for tables.
import java.util.*;
import java.util.function.*;
import java.util.stream.*;
import java.time.*;
import java.nio.file.*;
import org.apache.spark.sql.*;
import org.apache.spark.sql.types.*;
import static org.apache.spark.sql.functions.*;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.ForeachFunction;
import scala.Tuple2;
import lambdalab.course.*;
import lambdalab.course.batch.*;
import lambdalab.course.clickstream.*;
import lambdalab.course.kafka.*;
import lambdalab.course.serving.*;
import lambdalab.course.sketches.*;
import lambdalab.course.spark.*;
import lambdalab.course.speed.*;
import lambdalab.course.views.*;

SparkSession spark = lambdalab.interpreter.SharedSpark.session();
JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
LabEndpoints endpoints = lambdalab.interpreter.SharedSpark.endpoints();

/** Shows a Dataset, a List (of Rows, records, Maps or values) or a Map as a table, up to the row limit. */
void show(Object value) {
    lambdalab.interpreter.Display.show(value, MAX_ROWS);
}

/** The same with a row limit of your own. */
void show(Object value, int maxRows) {
    lambdalab.interpreter.Display.show(value, maxRows);
}
