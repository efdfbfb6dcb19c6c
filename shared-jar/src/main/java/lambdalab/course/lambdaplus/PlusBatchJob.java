package lambdalab.course.lambdaplus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import lambdalab.course.JobArguments;
import lambdalab.course.LabEndpoints;
import lambdalab.course.exercises.lambdaplus.CorrectionCutoff;
import lambdalab.course.exercises.lambdaplus.CorrectionCutoffSolution;
import lambdalab.course.spark.LabSpark;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * The Lambda+ batch jobs, over every record older than the horizon (5 minutes by default: its buckets
 * are complete and a client's retries have arrived):
 * <ol>
 *   <li>recompute {@code bucket_rollups} for those buckets, correcting what the speed layer lost or
 *       counted twice;</li>
 *   <li>fill {@code sensor_rollups} (per sensor: last reading, count, avg, min, max), which only the
 *       batch layer writes (the design's stated trade-off: a fresh one would need each sensor's history).</li>
 * </ol>
 * Both aggregate with the same {@link Rollup} the speed job merges with (one code base), and write
 * whole values: a rerun over the same records writes the same values again (idempotent).
 */
public final class PlusBatchJob {

    static final String USAGE = """
            Usage: PlusBatchJob --cassandra HOST:PORT [options]
              --master URL              Spark master (default: spark-submit's --master, else local[2])
              --horizon-seconds N       recompute the buckets older than this (default 300; 0: all of them)""";

    private static final String CASSANDRA = "org.apache.spark.sql.cassandra";
    private static final CorrectionCutoff CUTOFF = new CorrectionCutoffSolution();

    private PlusBatchJob() {
    }

    public static void main(String[] args) {
        Map<String, String> options;
        LabEndpoints endpoints;
        Duration horizon;
        try {
            options = JobArguments.parse(args);
            endpoints = PlusSpeedSettings.endpoints(options);
            horizon = Duration.ofSeconds(Long.parseLong(options.getOrDefault("horizon-seconds", "300")));
            if (horizon.isNegative()) {
                throw new IllegalArgumentException("--horizon-seconds must not be negative");
            }
        } catch (IllegalArgumentException e) { // NumberFormatException too
            System.err.println("ERROR: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        try (SparkSession spark = LabSpark.builder("lambda+ batch", JobArguments.master(options), endpoints)
                .getOrCreate()) {
            System.out.println(run(spark, endpoints, Instant.now(), horizon).summary());
        }
    }

    /**
     * Runs both jobs at {@code now}: over the records of every bucket before the cutoff (exercise
     * 09.correction-cutoff: the bucket holding {@code now - horizon}).
     */
    public static PlusBatchResult run(SparkSession spark, LabEndpoints endpoints, Instant now, Duration horizon) {
        long started = System.nanoTime();
        Instant runStart = Instant.now();
        long cutoff = CUTOFF.cutoff(now.toEpochMilli(), horizon.toMillis());
        try (var session = lambdalab.course.views.LambdaSchema.openJobSession(endpoints)) {
            PlusSchema.create(session, endpoints.replication());
        }
        LabSpark.refreshCassandraSchema(spark);
        JavaRDD<SensorReading> readings = spark.read().format(CASSANDRA)
                .options(Map.of("keyspace", PlusSchema.KEYSPACE, "table", PlusSchema.RECORDS)).load()
                .filter("time_bucket < " + cutoff)
                .select("sensor_id", "data", "ts")
                .javaRDD()
                .map(row -> new SensorReading(row.getInt(0), row.getDouble(1), row.getTimestamp(2).getTime()))
                .cache();
        long records = readings.count();
        JavaPairRDD<Long, Rollup> buckets = readings
                .mapToPair(reading -> new Tuple2<>(reading.timeBucket(), Rollup.of(reading.value())))
                .reduceByKey(Rollup::merge)
                .cache();
        long corrected = differingFromTable(spark, buckets, cutoff);
        Instant writtenAt = Instant.now();
        long bucketRows = write(spark, buckets.map(bucket -> bucketRow(bucket, writtenAt)), bucketSchema(),
                PlusSchema.BUCKET_ROLLUPS);
        JavaPairRDD<Integer, SensorRollup> sensors = readings
                .mapToPair(reading -> new Tuple2<>(reading.sensorId(), SensorRollup.of(reading)))
                .reduceByKey(SensorRollup::merge);
        long sensorRows = write(spark, sensors.map(sensor -> sensorRow(sensor, cutoff, writtenAt)), sensorSchema(),
                PlusSchema.SENSOR_ROLLUPS);
        readings.unpersist();
        buckets.unpersist();
        Instant finished = Instant.now();
        recordRun(spark, PlusSchema.BUCKET_ROLLUPS, cutoff, runStart, finished, records, bucketRows);
        recordRun(spark, PlusSchema.SENSOR_ROLLUPS, cutoff, runStart, finished, records, sensorRows);
        return new PlusBatchResult(Instant.ofEpochMilli(cutoff), records, bucketRows, corrected, sensorRows,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** How many of the recomputed buckets the table holds with another value (or not at all). */
    private static long differingFromTable(SparkSession spark, JavaPairRDD<Long, Rollup> buckets, long cutoff) {
        JavaPairRDD<Long, Tuple2<Long, Long>> stored = spark.read().format(CASSANDRA)
                .options(Map.of("keyspace", PlusSchema.KEYSPACE, "table", PlusSchema.BUCKET_ROLLUPS)).load()
                .filter("time_bucket < " + cutoff)
                .select("time_bucket", "count", "sum_micros")
                .javaRDD()
                .mapToPair(row -> new Tuple2<>(row.getLong(0), new Tuple2<>(row.getLong(1), row.getLong(2))));
        return buckets.leftOuterJoin(stored)
                .filter(joined -> {
                    Rollup computed = joined._2()._1();
                    return !joined._2()._2().isPresent()
                            || joined._2()._2().get()._1() != computed.count()
                            || joined._2()._2().get()._2() != computed.sumMicros();
                })
                .count();
    }

    private static Row bucketRow(Tuple2<Long, Rollup> bucket, Instant writtenAt) {
        Rollup rollup = bucket._2();
        return RowFactory.create(TimeBuckets.minuteOf(bucket._1()), bucket._1(), rollup.count(), rollup.sumMicros(),
                rollup.min(), rollup.max(), rollup.avg(), PlusSchema.BY_BATCH, java.sql.Timestamp.from(writtenAt));
    }

    private static StructType bucketSchema() {
        return new StructType()
                .add("minute", DataTypes.LongType).add("time_bucket", DataTypes.LongType)
                .add("count", DataTypes.LongType).add("sum_micros", DataTypes.LongType)
                .add("min", DataTypes.DoubleType).add("max", DataTypes.DoubleType).add("avg", DataTypes.DoubleType)
                .add("written_by", DataTypes.StringType).add("written_at", DataTypes.TimestampType);
    }

    private static Row sensorRow(Tuple2<Integer, SensorRollup> sensor, long cutoff, Instant writtenAt) {
        SensorRollup summary = sensor._2();
        Rollup rollup = summary.rollup();
        return RowFactory.create(sensor._1(), summary.lastReading(), new java.sql.Timestamp(summary.lastTs()),
                rollup.count(), rollup.sumMicros(), rollup.min(), rollup.max(), rollup.avg(),
                new java.sql.Timestamp(cutoff), java.sql.Timestamp.from(writtenAt));
    }

    private static StructType sensorSchema() {
        return new StructType()
                .add("sensor_id", DataTypes.IntegerType).add("last_reading", DataTypes.DoubleType)
                .add("last_ts", DataTypes.TimestampType)
                .add("count", DataTypes.LongType).add("sum_micros", DataTypes.LongType)
                .add("min", DataTypes.DoubleType).add("max", DataTypes.DoubleType).add("avg", DataTypes.DoubleType)
                .add("through", DataTypes.TimestampType).add("written_at", DataTypes.TimestampType);
    }

    /** Writes the rows (upserts) and returns how many. */
    private static long write(SparkSession spark, JavaRDD<Row> rows, StructType schema, String table) {
        Dataset<Row> frame = spark.createDataFrame(rows, schema).cache();
        long count = frame.count();
        frame.write().format(CASSANDRA).options(Map.of("keyspace", PlusSchema.KEYSPACE, "table", table))
                .mode(SaveMode.Append).save();
        frame.unpersist();
        return count;
    }

    private static void recordRun(SparkSession spark, String job, long cutoff, Instant started, Instant finished,
                                  long records, long rows) {
        StructType schema = new StructType()
                .add("job", DataTypes.StringType).add("cutoff", DataTypes.TimestampType)
                .add("started_at", DataTypes.TimestampType).add("finished_at", DataTypes.TimestampType)
                .add("records", DataTypes.LongType).add("rows", DataTypes.LongType);
        Row row = RowFactory.create(job, new java.sql.Timestamp(cutoff), java.sql.Timestamp.from(started),
                java.sql.Timestamp.from(finished), records, rows);
        spark.createDataFrame(List.of(row), schema).write().format(CASSANDRA)
                .options(Map.of("keyspace", PlusSchema.KEYSPACE, "table", PlusSchema.BATCH_RUNS))
                .mode(SaveMode.Append).save();
    }
}
