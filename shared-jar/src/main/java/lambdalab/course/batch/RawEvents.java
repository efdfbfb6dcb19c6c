package lambdalab.course.batch;

import static org.apache.spark.sql.functions.lit;

import lambdalab.course.exercises.batch.RawDatasetLayoutSolution;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * The raw events dataset on HDFS, the master data of the Lambda architecture: Parquet, partitioned
 * by {@code topic}, {@code kafka_partition} and {@code timestamp_hour}, each event with the Kafka
 * offset it came from (the speed layer writes it; events loaded without Kafka have none).
 */
public final class RawEvents {

    public static final String DEFAULT_PATH = "/lambda/raw/events";
    public static final String TOPIC = "topic";
    public static final String KAFKA_PARTITION = "kafka_partition";
    public static final String KAFKA_OFFSET = "kafka_offset";
    /** The topic name under which events loaded straight from the generator are kept. */
    public static final String GENERATED = "generated";

    /** The speed layer's files: the event's columns as Spark writes them (non-null: required), and the Kafka offset. */
    public static final MessageType STREAM_FILE_SCHEMA = Types.buildMessage()
            .required(PrimitiveTypeName.INT64).named(EventColumns.TIMESTAMP_MS)
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(EventColumns.REFERRER)
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(EventColumns.ACTION)
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(EventColumns.PREV_PAGE)
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(EventColumns.VISITOR)
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(EventColumns.PAGE)
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(EventColumns.PRODUCT)
            .required(PrimitiveTypeName.INT64).named(RawEvents.KAFKA_OFFSET)
            .named("spark_schema");

    private RawEvents() {
    }

    /**
     * Writes generated events (no Kafka) into the dataset under topic {@value #GENERATED},
     * replacing the hours they cover there: loading the same events again changes nothing.
     */
    public static void writeGenerated(Dataset<Row> events, String path) {
        // hour folders, one file each; a reload replaces only the hours it writes (exercise 03.raw-layout)
        new RawDatasetLayoutSolution().writer(events.withColumn(TOPIC, lit(GENERATED))
                        .withColumn(KAFKA_PARTITION, lit(0))
                        .withColumn(KAFKA_OFFSET, lit(null).cast(DataTypes.LongType)))
                .parquet(path);
    }

    /** The events of the dataset; fails with a clear message when there is none yet. */
    public static Dataset<Row> read(SparkSession spark, String path) {
        requireData(spark, path);
        return spark.read().parquet(path).select(EventColumns.columns());
    }

    /** The course's "No predefined schema found" trap: check for data before Spark infers a schema. */
    static void requireData(SparkSession spark, String path) {
        if (!InputPaths.hasFiles(spark, path, ".parquet")) {
            throw noRawEvents(path);
        }
    }

    /** A folder of other files, most often the TSV files `lab generate --to files` writes. */
    static MissingInputException notRawEvents(String path, String example) {
        return new MissingInputException(path + " holds no raw events (Parquet files) but other files, e.g. " + example
                + (example.endsWith(".tsv") ? ": TSV clickstream files. Read them with --tsv: `./lab batch --tsv "
                + "--input " + path + "`." : ". The batch layer reads raw Parquet events or, with --tsv, TSV files."));
    }

    static MissingInputException noRawEvents(String path) {
        return new MissingInputException("No raw events at " + path + " yet. Load some with "
                + "`./lab batch load --events 100000`, or run the speed layer, or point --input at TSV files.");
    }
}
