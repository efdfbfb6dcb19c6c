package lambdalab.lab.drill;

import lambdalab.course.LabEndpoints;
import lambdalab.course.spark.LabSpark;
import org.apache.spark.sql.SparkSession;

/**
 * The local Spark session of the drills' batch runs, started on first use: it takes seconds, so
 * `lab drill all` starts it once for every drill. Its owner closes it.
 */
final class DrillSpark implements AutoCloseable {

    private final LabEndpoints endpoints;
    private SparkSession spark;

    DrillSpark(LabEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    synchronized SparkSession get() {
        if (spark == null) {
            spark = LabSpark.builder("drill checks", "local[2]", endpoints).getOrCreate();
        }
        return spark;
    }

    @Override
    public synchronized void close() {
        if (spark != null) {
            spark.close();
            spark = null;
        }
    }
}
