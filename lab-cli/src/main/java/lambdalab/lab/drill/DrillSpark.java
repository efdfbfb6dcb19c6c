package lambdalab.lab.drill;

import lambdalab.course.LabEndpoints;
import lambdalab.course.spark.LabSpark;
import org.apache.spark.sql.SparkSession;

/**
 * The local Spark session of the drills' checks (raw rows, batch runs), started on first use: it
 * takes seconds, so `lab drill all` starts it once for every drill. Its owner closes it.
 */
final class DrillSpark implements AutoCloseable {

    private final LabEndpoints endpoints;
    private SparkSession spark;

    DrillSpark(LabEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    synchronized SparkSession get() {
        if (spark == null) {
            spark = LabSpark.builder("drill checks", "local[2]", endpoints)
                    // the checks read a drill's hour folders by name (dozens): Spark would list more than 32
                    // paths with a job of one task per path, far slower than one after the other here
                    .config("spark.sql.sources.parallelPartitionDiscovery.threshold", Integer.MAX_VALUE)
                    .getOrCreate();
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
