// What every %lab.java paragraph starts with: the usual JDK packages, Spark's Java API, the course
// library (the shared jar), the lab's SparkSession and endpoints (and the Lambda+ app server's address), show(...) for tables, and check(...)
// for check paragraphs, Exercises.check(...) for exercises.
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
import lambdalab.course.lambdaplus.*;
import lambdalab.course.kappa.*;
import lambdalab.course.exercises.*;
import lambdalab.course.exercises.batch.*;
import lambdalab.course.exercises.generator.*;
import lambdalab.course.exercises.streaming.*;
import lambdalab.course.exercises.visitors.*;
import lambdalab.course.exercises.ingest.*;
import lambdalab.course.exercises.cassandra.*;
import lambdalab.course.exercises.serving.*;
import lambdalab.course.exercises.lambdaplus.*;
import lambdalab.course.exercises.kappa.*;
import lambdalab.course.exercises.operations.*;

SparkSession spark = lambdalab.interpreter.SharedSpark.session();
JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
LabEndpoints endpoints = lambdalab.interpreter.SharedSpark.endpoints();
java.net.URI plusApp = lambdalab.interpreter.SharedSpark.plusApp();

/** Shows a Dataset, a List (of Rows, records, Maps or values) or a Map as a table, up to the row limit. */
void show(Object value) {
    lambdalab.interpreter.Display.show(value, MAX_ROWS);
}

/** The same with a row limit of your own. */
void show(Object value, int maxRows) {
    lambdalab.interpreter.Display.show(value, maxRows);
}

/** For a note's check paragraphs: fails the paragraph, saying what was expected, unless the condition holds. */
void check(boolean condition, String what) {
    ProgressLog.recordCheck(what, condition, "");
    if (!condition) {
        throw new AssertionError("Check failed: " + what);
    }
    System.out.println("ok: " + what);
}

/** The same for a value: fails with the expected and the actual value. */
void checkEquals(Object expected, Object actual, String what) {
    boolean equal = Objects.equals(expected, actual);
    ProgressLog.recordCheck(what, equal, equal ? "" : "expected " + expected + ", got " + actual);
    if (!equal) {
        throw new AssertionError("Check failed: " + what + ": expected " + expected + ", got " + actual);
    }
    System.out.println("ok: " + what + " (" + actual + ")");
}
