package lambdalab.course.batch;

import java.util.Iterator;
import java.util.NoSuchElementException;
import lambdalab.course.clickstream.ClickstreamCodec;
import lambdalab.course.clickstream.CodecError;
import lambdalab.course.clickstream.DecodeResult;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * Clickstream TSV files (a file or a folder, local or on HDFS) as a dataset of events. Lines are
 * decoded from their raw bytes with the generator's codec, so invalid UTF-8 is caught; lines the
 * codec refuses are counted in {@link MalformedLines} and skipped.
 */
public final class TsvEvents {

    private TsvEvents() {
    }

    public static Dataset<Row> read(SparkSession spark, String path, MalformedLines malformed) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<Row> events = context.hadoopFile(path, TextInputFormat.class, LongWritable.class, Text.class)
                .mapPartitions(lines -> decode(lines, malformed));
        return spark.createDataFrame(events, EventColumns.SCHEMA);
    }

    /** Decodes lazily (a task's split may hold millions of lines), skipping and counting refused lines. */
    private static Iterator<Row> decode(Iterator<Tuple2<LongWritable, Text>> lines, MalformedLines malformed) {
        return new Iterator<>() {
            private Row next;
            private int refused;

            @Override
            public boolean hasNext() {
                while (next == null && lines.hasNext()) {
                    Text line = lines.next()._2();
                    if (line.getLength() == 0) {
                        continue; // an empty line is neither an event nor an error
                    }
                    DecodeResult result = ClickstreamCodec.decode(line.getBytes(), 0, line.getLength());
                    if (result instanceof CodecError error) {
                        malformed.record(error, refused++);
                    } else {
                        next = EventColumns.toRow(result.orElseThrow());
                    }
                }
                return next != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row row = next;
                next = null;
                return row;
            }
        };
    }
}
